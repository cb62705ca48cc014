package io.cachet.schedule;

import java.util.Arrays;
import java.util.Optional;

/**
 * A maintenance window's status, with Cachet 2.4's codes and labels.
 */
public enum ScheduleStatus {

	UPCOMING(0, "Upcoming"), IN_PROGRESS(1, "In Progress"), COMPLETE(2, "Complete");

	private final int code;

	private final String label;

	ScheduleStatus(int code, String label) {
		this.code = code;
		this.label = label;
	}

	public int code() {
		return this.code;
	}

	public String label() {
		return this.label;
	}

	public static Optional<ScheduleStatus> fromCode(int code) {
		return Arrays.stream(values()).filter((status) -> status.code == code).findFirst();
	}

	public static ScheduleStatus of(int code) {
		return fromCode(code).orElseThrow(() -> new IllegalArgumentException("Unknown schedule status " + code));
	}

}
