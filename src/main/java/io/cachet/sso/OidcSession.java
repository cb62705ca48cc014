package io.cachet.sso;

import java.io.Serial;
import java.io.Serializable;

/**
 * The details of a session opened through an OpenID Connect provider: what the logout
 * needs to end the provider's session too. Serializable, as it lives in the session (in
 * Redis in cluster mode).
 *
 * @param registrationId the provider's registration id
 * @param idToken the ID token's value, the logout's {@code id_token_hint}
 */
record OidcSession(String registrationId, String idToken) implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	/** No token in the logs. */
	@Override
	public String toString() {
		return "OidcSession[" + this.registrationId + "]";
	}

}
