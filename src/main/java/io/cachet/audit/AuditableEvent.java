package io.cachet.audit;

import org.jspecify.annotations.Nullable;

/**
 * A domain event that is a change worth recording in the audit log.
 */
public interface AuditableEvent {

	/**
	 * @return what happened, as {@code subject.verb} (e.g. {@code component.created})
	 */
	String auditAction();

	/**
	 * @return the kind of record changed (e.g. {@code component})
	 */
	String auditSubjectType();

	@Nullable Long auditSubjectId();

	/**
	 * @return a human sentence, e.g. "Created component API"
	 */
	String auditDescription();

}
