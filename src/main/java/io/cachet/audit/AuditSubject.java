package io.cachet.audit;

/**
 * The kinds of record the audit log names, by the {@code subject_type} stored for them.
 */
public enum AuditSubject {

	COMPONENT("component", "component"),

	COMPONENT_GROUP("component_group", "component group"),

	INCIDENT("incident", "incident"),

	INCIDENT_UPDATE("incident_update", "incident update"),

	INCIDENT_TEMPLATE("incident_template", "incident template"),

	METRIC("metric", "metric"),

	METRIC_POINT("metric_point", "metric point"),

	MONITOR("monitor", "monitor"),

	SCHEDULE("schedule", "maintenance"),

	SUBSCRIBER("subscriber", "subscriber"),

	SUBSCRIPTION("subscription", "subscription"),

	UPSTREAM("upstream", "upstream"),

	WEBHOOK("webhook", "webhook");

	private final String value;

	private final String noun;

	AuditSubject(String value, String noun) {
		this.value = value;
		this.noun = noun;
	}

	/**
	 * @return the {@code subject_type} stored, e.g. {@code component_group}
	 */
	public String value() {
		return this.value;
	}

	/**
	 * @return the word for it in a description, e.g. {@code component group}
	 */
	public String noun() {
		return this.noun;
	}

}
