package io.cachet.incident;

import io.cachet.audit.AuditableEvent;

/**
 * An incident, an incident update or a template was created, updated or deleted.
 *
 * @param subjectType {@code incident}, {@code incident_update} or
 * {@code incident_template}
 * @param change {@code created}, {@code updated} or {@code deleted}
 */
public record IncidentChanged(String subjectType, long subjectId, String description,
		String change) implements AuditableEvent {

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
		return this.description;
	}

}
