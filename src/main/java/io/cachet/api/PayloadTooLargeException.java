package io.cachet.api;

/**
 * A request body over the API's limit; answered with 413.
 */
class PayloadTooLargeException extends RuntimeException {

	PayloadTooLargeException() {
		super("The request body is too large.");
	}

}
