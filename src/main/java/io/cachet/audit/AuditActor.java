package io.cachet.audit;

/**
 * A principal that knows its user id, so the audit log can record it next to the name.
 */
public interface AuditActor {

	long id();

	String username();

}
