package io.cachet.notification;

import io.cachet.audit.AuditableEvent;

/**
 * A webhook was created, changed or deleted (for the audit log; its URL and secret are
 * not written there).
 */
public record WebhookChanged(long webhookId, String change) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "webhook." + this.change;
	}

	@Override
	public String auditSubjectType() {
		return "webhook";
	}

	@Override
	public Long auditSubjectId() {
		return this.webhookId;
	}

	@Override
	public String auditDescription() {
		return Character.toUpperCase(this.change.charAt(0)) + this.change.substring(1) + " webhook #" + this.webhookId;
	}

}
