package io.cachet.outbound;

import java.io.IOException;

/**
 * An answer's body was longer than the caller's limit; the rest was not read.
 */
public class OutboundBodyTooLargeException extends IOException {

	OutboundBodyTooLargeException(long limit) {
		super("The answer is larger than " + limit + " bytes");
	}

}
