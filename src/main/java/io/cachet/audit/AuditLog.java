package io.cachet.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes and reads the audit log.
 */
@Service
public class AuditLog {

	private final JdbcClient jdbc;

	private final Clock clock;

	AuditLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Records an auditable event synchronously, inside the transaction that published it,
	 * with the user of the current request (none for system work such as scheduled jobs).
	 */
	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	public void on(AuditableEvent event) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		@Nullable Long userId = null;
		@Nullable String username = null;
		if (authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken)) {
			username = authentication.getName();
			if (authentication.getPrincipal() instanceof AuditActor actor) {
				userId = actor.id();
				username = actor.username();
			}
		}
		this.jdbc
			.sql("INSERT INTO actions (action, subject_type, subject_id, user_id, username, description, created_at) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(event.auditSubject().value() + "." + event.auditAction().value(), event.auditSubject().value(),
					event.auditSubjectId(), userId, username, event.auditDescription(),
					Timestamp.from(this.clock.instant()))
			.update();
	}

	/**
	 * @return the latest entries first, at most {@code limit}
	 */
	@Transactional(readOnly = true)
	public List<AuditEntry> latest(int limit) {
		return this.jdbc
			.sql("SELECT id, action, subject_type, subject_id, user_id, username, description, created_at "
					+ "FROM actions ORDER BY created_at DESC, id DESC LIMIT ?")
			.param(limit)
			.query((rs, row) -> new AuditEntry(rs.getLong("id"), rs.getString("action"), rs.getString("subject_type"),
					rs.getObject("subject_id") != null ? rs.getLong("subject_id") : null,
					rs.getObject("user_id") != null ? rs.getLong("user_id") : null, rs.getString("username"),
					rs.getString("description"), rs.getTimestamp("created_at").toInstant()))
			.list();
	}

}
