package io.cachet.shared;

/**
 * A record that was asked for by id does not exist. The API answers 404, the pages their
 * 404 page.
 */
public abstract class NotFoundException extends RuntimeException {

	protected NotFoundException(String message) {
		super(message);
	}

}
