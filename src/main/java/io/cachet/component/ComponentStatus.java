package io.cachet.component;

import java.util.Arrays;
import java.util.Optional;

/**
 * A component's status, with Cachet 2.4's codes and English labels. "Under maintenance"
 * is not a stored status: it is derived from maintenance in progress.
 */
public enum ComponentStatus {

	UNKNOWN(0, "Unknown"), OPERATIONAL(1, "Operational"), PERFORMANCE_ISSUES(2, "Performance Issues"),
	PARTIAL_OUTAGE(3, "Partial Outage"), MAJOR_OUTAGE(4, "Major Outage");

	private final int code;

	private final String label;

	ComponentStatus(int code, String label) {
		this.code = code;
		this.label = label;
	}

	public int code() {
		return this.code;
	}

	public String label() {
		return this.label;
	}

	/**
	 * @return whether the component has a problem (performance issues or worse)
	 */
	public boolean hasIssues() {
		return this.code > OPERATIONAL.code;
	}

	public static Optional<ComponentStatus> fromCode(int code) {
		return Arrays.stream(values()).filter((status) -> status.code == code).findFirst();
	}

	/**
	 * @throws IllegalArgumentException for a code outside 0..4
	 */
	public static ComponentStatus of(int code) {
		return fromCode(code).orElseThrow(() -> new IllegalArgumentException("Unknown component status " + code));
	}

}
