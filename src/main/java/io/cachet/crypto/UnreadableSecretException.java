package io.cachet.crypto;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A stored secret that no key of this server can decrypt: it was written under another
 * {@code CACHET_ENCRYPTION_KEY}, or altered. The message says so in words an admin can
 * act on, and never holds the value. A page that meets one answers 503 (the server's
 * configuration, not the request, is at fault) unless its adapter says more.
 */
@ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
public class UnreadableSecretException extends RuntimeException {

	public UnreadableSecretException(String message) {
		super(message);
	}

	/**
	 * @param what the secret, as the admin knows it ("the SMTP password")
	 */
	public static UnreadableSecretException of(String what) {
		return new UnreadableSecretException(what + " cannot be decrypted with this server's encryption key "
				+ "(CACHET_ENCRYPTION_KEY): it was saved under another key. Start the server with that key, "
				+ "or ask an admin to enter the secret again.");
	}

}
