package io.cachet.monitor;

import java.util.Arrays;
import java.util.Locale;

import io.cachet.component.ComponentStatus;

/**
 * What a monitor says about its component, and the status it gives it.
 */
public enum MonitorState {

	UNKNOWN(ComponentStatus.UNKNOWN), UP(ComponentStatus.OPERATIONAL), DEGRADED(ComponentStatus.PERFORMANCE_ISSUES),
	DOWN(ComponentStatus.MAJOR_OUTAGE);

	private final ComponentStatus componentStatus;

	MonitorState(ComponentStatus componentStatus) {
		this.componentStatus = componentStatus;
	}

	public ComponentStatus componentStatus() {
		return this.componentStatus;
	}

	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static MonitorState fromValue(String value) {
		return Arrays.stream(values()).filter((state) -> state.value().equals(value)).findFirst().orElse(UNKNOWN);
	}

}
