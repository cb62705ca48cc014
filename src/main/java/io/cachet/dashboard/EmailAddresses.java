package io.cachet.dashboard;

import java.util.regex.Pattern;

/**
 * What the dashboard's free-text address fields accept as an e-mail address: something
 * {@code @} something with a dot, no spaces, at most 255 characters (the mail server has
 * the last word).
 */
final class EmailAddresses {

	private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	/** Separators of a list of addresses typed in a text area. */
	static final String SEPARATORS = "[\\s,;]+";

	private EmailAddresses() {
	}

	static boolean isValid(String address) {
		return address.length() <= 255 && ADDRESS.matcher(address).matches();
	}

}
