package io.cachet.component;

import io.cachet.audit.AuditableEvent;

/**
 * A component or a component group was created, updated or deleted.
 *
 * @param subjectType {@code component} or {@code component_group}
 * @param change {@code created}, {@code updated} or {@code deleted}
 */
public record ComponentChanged(String subjectType, long subjectId, String name,
		String change) implements AuditableEvent {

	static ComponentChanged component(long id, String name, String change) {
		return new ComponentChanged("component", id, name, change);
	}

	static ComponentChanged group(long id, String name, String change) {
		return new ComponentChanged("component_group", id, name, change);
	}

	@Override
	public String auditAction() {
		return this.subjectType + "." + this.change;
	}

	@Override
	public String auditSubjectType() {
		return this.subjectType;
	}

	@Override
	public Long auditSubjectId() {
		return this.subjectId;
	}

	@Override
	public String auditDescription() {
		String what = this.subjectType.equals("component") ? "component" : "component group";
		return Character.toUpperCase(this.change.charAt(0)) + this.change.substring(1) + " " + what + " " + this.name;
	}

}
