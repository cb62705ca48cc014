package io.cachet.user;

import io.cachet.shared.NotFoundException;

/**
 * No user has this id: a dashboard form aimed at a user that was deleted, or at none.
 */
public class UserNotFoundException extends NotFoundException {

	private UserNotFoundException(String message) {
		super(message);
	}

	public static UserNotFoundException forId(long id) {
		return new UserNotFoundException("No user with id " + id);
	}

}
