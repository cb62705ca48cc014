package io.cachet.component;

import java.time.Instant;

import io.cachet.audit.AuditAction;
import io.cachet.audit.AuditSubject;
import io.cachet.audit.AuditableEvent;

/**
 * A component's status changed.
 *
 * @param silent the change was part of another change that notifies on its own (an
 * incident), or the user asked for no notification: subscribers of the component are not
 * told
 */
public record ComponentStatusChanged(long componentId, String componentName, ComponentStatus from, ComponentStatus to,
		boolean silent, Instant at) implements AuditableEvent {

	@Override
	public AuditAction auditAction() {
		return AuditAction.STATUS_CHANGED;
	}

	@Override
	public AuditSubject auditSubject() {
		return AuditSubject.COMPONENT;
	}

	@Override
	public Long auditSubjectId() {
		return this.componentId;
	}

	@Override
	public String auditDescription() {
		return "Changed the status of component " + this.componentName + " from " + this.from.label() + " to "
				+ this.to.label();
	}

}
