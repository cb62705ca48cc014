package io.cachet.user;

import io.cachet.audit.AuditActor;

/**
 * The principal of a request authenticated by an API token.
 */
public record AuthenticatedUser(long id, String username, UserLevel level) implements AuditActor {

	public boolean isAdmin() {
		return this.level == UserLevel.ADMIN;
	}

}
