package io.cachet.dashboard;

import io.cachet.shared.EmailAddressSyntax;

/**
 * What the dashboard's free-text address fields accept as an e-mail address: something
 * {@code @} something with a dot, no spaces, at most 254 characters, checked in linear
 * time ({@link EmailAddressSyntax}).
 */
final class EmailAddresses {

	/** Separators of a list of addresses typed in a text area. */
	static final String SEPARATORS = "[\\s,;]+";

	private EmailAddresses() {
	}

	static boolean isValid(String address) {
		return EmailAddressSyntax.isValid(address);
	}

}
