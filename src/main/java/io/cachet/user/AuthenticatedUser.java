package io.cachet.user;

/**
 * The principal of a request authenticated by an API token.
 */
public record AuthenticatedUser(long id, String username, UserLevel level) {

	public boolean isAdmin() {
		return this.level == UserLevel.ADMIN;
	}

}
