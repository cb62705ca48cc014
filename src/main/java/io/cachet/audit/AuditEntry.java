package io.cachet.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One line of the audit log.
 */
public record AuditEntry(long id, String action, @Nullable String subjectType, @Nullable Long subjectId,
		@Nullable Long userId, @Nullable String username, String description, Instant createdAt) {

}
