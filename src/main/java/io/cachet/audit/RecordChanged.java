package io.cachet.audit;

/**
 * A record was created, updated, deleted (or verified, or shown...): the event every
 * module publishes for the audit log, and that the public page's cache and the monitor
 * scheduler listen to for the subjects they show or run.
 *
 * @param description a human sentence, e.g. "Created component API" (never an e-mail
 * address, URL or secret)
 */
public record RecordChanged(AuditSubject subject, long subjectId, AuditAction action,
		String description) implements AuditableEvent {

	/**
	 * @return a change described by the verb, the subject and its name ("Created
	 * component API")
	 */
	public static RecordChanged named(AuditSubject subject, long id, AuditAction action, String name) {
		return new RecordChanged(subject, id, action, action.sentenceStart() + " " + subject.noun() + " " + name);
	}

	/**
	 * @return a change described by the verb, the subject and its id ("Deleted webhook
	 * #3"), for subjects whose name is not for the log
	 */
	public static RecordChanged numbered(AuditSubject subject, long id, AuditAction action) {
		return new RecordChanged(subject, id, action, action.sentenceStart() + " " + subject.noun() + " #" + id);
	}

	@Override
	public AuditSubject auditSubject() {
		return this.subject;
	}

	@Override
	public AuditAction auditAction() {
		return this.action;
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
