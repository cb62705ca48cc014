package io.cachet.upstream;

import io.cachet.audit.AuditableEvent;

/**
 * An upstream was created, changed, deleted, or one of its components hidden or shown
 * (for the audit log).
 */
public record UpstreamChanged(long upstreamId, String name, String change) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "upstream." + this.change;
	}

	@Override
	public String auditSubjectType() {
		return "upstream";
	}

	@Override
	public Long auditSubjectId() {
		return this.upstreamId;
	}

	@Override
	public String auditDescription() {
		return Character.toUpperCase(this.change.charAt(0)) + this.change.substring(1) + " upstream " + this.name;
	}

}
