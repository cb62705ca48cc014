package io.cachet.api;

import java.util.List;

/**
 * The request's fields are invalid; answered with 400 and the messages in
 * {@code meta.details}.
 */
class ApiValidationException extends RuntimeException {

	private final List<String> details;

	ApiValidationException(List<String> details) {
		super(String.join(" ", details));
		this.details = details;
	}

	List<String> details() {
		return this.details;
	}

}
