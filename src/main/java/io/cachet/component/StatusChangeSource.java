package io.cachet.component;

/**
 * What changed a component's status, kept in its status history.
 */
public enum StatusChangeSource {

	MANUAL, INCIDENT, MAINTENANCE, MONITOR, UPSTREAM;

	public String code() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
