package io.cachet;

import io.cachet.user.CreateUser;
import io.cachet.user.UserLevel;

/**
 * Users for tests.
 */
public final class TestUsers {

	private TestUsers() {
	}

	public static CreateUser admin(String username) {
		return new CreateUser(username, username + "@example.com", "correct horse battery", UserLevel.ADMIN, null);
	}

	/**
	 * Makes sure a user exists, so that the pages do not lead to the setup wizard.
	 */
	public static void ensureSetUp(io.cachet.user.UserService users) {
		if (!users.hasUsers()) {
			users.createUser(admin("owner"));
		}
	}

	public static CreateUser user(String username) {
		return new CreateUser(username, username + "@example.com", "correct horse battery", UserLevel.USER, null);
	}

}
