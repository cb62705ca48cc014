package io.cachet.subscriber;

import io.cachet.audit.AuditableEvent;

/**
 * A subscriber or a subscription was created or deleted. The subscriber's address is not
 * written to the audit log, only its id.
 *
 * @param subjectType {@code subscriber} or {@code subscription}
 */
public record SubscriberChanged(String subjectType, long subjectId, String change) implements AuditableEvent {

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
		return Character.toUpperCase(this.change.charAt(0)) + this.change.substring(1) + " " + this.subjectType + " #"
				+ this.subjectId;
	}

}
