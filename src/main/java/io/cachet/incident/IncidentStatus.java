package io.cachet.incident;

import java.util.Arrays;
import java.util.Optional;

/**
 * An incident's status, with Cachet 2.4's codes, labels and the icon class its API
 * reports.
 */
public enum IncidentStatus {

	REPORTED(0, "Reported", "icon ion-android-calendar"), INVESTIGATING(1, "Investigating", "icon ion-flag oranges"),
	IDENTIFIED(2, "Identified", "icon ion-alert yellows"), WATCHING(3, "Watching", "icon ion-eye blues"),
	FIXED(4, "Fixed", "icon ion-checkmark greens");

	private final int code;

	private final String label;

	private final String icon;

	IncidentStatus(int code, String label, String icon) {
		this.code = code;
		this.label = label;
		this.icon = icon;
	}

	public int code() {
		return this.code;
	}

	public String label() {
		return this.label;
	}

	public String icon() {
		return this.icon;
	}

	public static Optional<IncidentStatus> fromCode(int code) {
		return Arrays.stream(values()).filter((status) -> status.code == code).findFirst();
	}

	public static IncidentStatus of(int code) {
		return fromCode(code).orElseThrow(() -> new IllegalArgumentException("Unknown incident status " + code));
	}

}
