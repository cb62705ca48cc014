package io.cachet.user;

/**
 * A newly created user with its API token. The token is only ever available here: the
 * database keeps just its digest.
 */
public record CreatedUser(UserView user, String apiToken) {

	@Override
	public String toString() {
		return "CreatedUser[user=" + this.user + ", apiToken=<hidden>]";
	}

}
