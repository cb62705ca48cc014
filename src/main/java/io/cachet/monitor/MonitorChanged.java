package io.cachet.monitor;

import io.cachet.audit.AuditableEvent;

/**
 * A monitor was created, changed or deleted.
 */
public record MonitorChanged(long monitorId, String change) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "monitor." + this.change;
	}

	@Override
	public String auditSubjectType() {
		return "monitor";
	}

	@Override
	public Long auditSubjectId() {
		return this.monitorId;
	}

	@Override
	public String auditDescription() {
		return Character.toUpperCase(this.change.charAt(0)) + this.change.substring(1) + " monitor #" + this.monitorId;
	}

}
