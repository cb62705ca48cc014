package io.cachet.metric;

import io.cachet.audit.AuditableEvent;

/**
 * A metric or a metric point was created, updated or deleted.
 *
 * @param subjectType {@code metric} or {@code metric_point}
 */
public record MetricChanged(String subjectType, long subjectId, String description,
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
