package io.cachet.schedule;

import io.cachet.audit.AuditableEvent;

/**
 * A maintenance window was created, updated or deleted.
 */
public record ScheduleChanged(long scheduleId, String name, String change) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "schedule." + this.change;
	}

	@Override
	public String auditSubjectType() {
		return "schedule";
	}

	@Override
	public Long auditSubjectId() {
		return this.scheduleId;
	}

	@Override
	public String auditDescription() {
		return Character.toUpperCase(this.change.charAt(0)) + this.change.substring(1) + " maintenance " + this.name;
	}

}
