package io.cachet.user;

/**
 * A user with the same username, e-mail or API token already exists.
 */
public class DuplicateUserException extends RuntimeException {

	private DuplicateUserException(String message) {
		super(message);
	}

	public static DuplicateUserException forUsername(String username) {
		return new DuplicateUserException("The username '" + username + "' is already taken.");
	}

	public static DuplicateUserException forEmail(String email) {
		return new DuplicateUserException("The email '" + email + "' is already taken.");
	}

	public static DuplicateUserException forApiToken() {
		return new DuplicateUserException("The API token is already in use.");
	}

}
