package io.cachet.audit;

import org.jspecify.annotations.Nullable;

/**
 * A domain event that is a change worth recording in the audit log. Most changes publish
 * a {@link RecordChanged}; an event that carries more for other listeners (a component's
 * new status) implements this itself.
 */
public interface AuditableEvent {

	/**
	 * @return the kind of record changed
	 */
	AuditSubject auditSubject();

	/**
	 * @return what was done to it
	 */
	AuditAction auditAction();

	@Nullable Long auditSubjectId();

	/**
	 * @return a human sentence, e.g. "Created component API"
	 */
	String auditDescription();

}
