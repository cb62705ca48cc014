package io.cachet.audit;

/**
 * What was done to an {@link AuditSubject}: the part after the dot of the stored
 * {@code action} ({@code component.created}).
 */
public enum AuditAction {

	CREATED("created"),

	UPDATED("updated"),

	DELETED("deleted"),

	VERIFIED("verified"),

	STATUS_CHANGED("status_changed"),

	COMPONENT_HIDDEN("component hidden"),

	COMPONENT_SHOWN("component shown");

	private final String value;

	AuditAction(String value) {
		this.value = value;
	}

	/**
	 * @return the verb stored, e.g. {@code created}
	 */
	public String value() {
		return this.value;
	}

	/**
	 * @return the verb as a description starts with it, e.g. {@code Created}
	 */
	public String sentenceStart() {
		return Character.toUpperCase(this.value.charAt(0)) + this.value.substring(1);
	}

}
