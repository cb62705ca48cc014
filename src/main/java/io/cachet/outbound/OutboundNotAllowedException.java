package io.cachet.outbound;

import io.cachet.shared.InvalidInputException;

/**
 * A URL or host being saved points to an address the outbound policy forbids: a form
 * error on the dashboard, 422 on the API.
 */
public class OutboundNotAllowedException extends InvalidInputException {

	OutboundNotAllowedException(String detail) {
		super(detail);
	}

}
