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

	/**
	 * The username is another user's e-mail address: a login with it would name two
	 * users.
	 */
	public static DuplicateUserException forUsernameIsEmail(String username) {
		return new DuplicateUserException(
				"The username '" + username + "' is another user's e-mail address: choose another username.");
	}

	/**
	 * The e-mail address is another user's username: a login with it would name two
	 * users.
	 */
	public static DuplicateUserException forEmailIsUsername(String email) {
		return new DuplicateUserException(
				"The email '" + email + "' is another user's username: choose another address.");
	}

	public static DuplicateUserException forApiToken() {
		return new DuplicateUserException("The API token is already in use.");
	}

}
