package io.cachet.shared;

import java.util.List;

/**
 * A command broke a business rule that only the module can check (an unknown template, a
 * metric threshold that does not divide an hour). The API answers 400 with the messages
 * as details.
 */
public class InvalidInputException extends RuntimeException {

	private final List<String> details;

	public InvalidInputException(String... details) {
		super(String.join(" ", details));
		this.details = List.of(details);
	}

	public List<String> details() {
		return this.details;
	}

}
