package io.cachet.sso;

import org.springframework.security.authentication.AuthenticationServiceException;

/**
 * An identity provider (a directory, an OpenID Connect provider) did not answer in time
 * or could not be reached: nothing is known about the person's password.
 */
public class ProviderUnavailableException extends AuthenticationServiceException {

	private final String providerId;

	/**
	 * @param providerId {@code ldap}, or the OpenID Connect registration id
	 */
	public ProviderUnavailableException(String providerId, String message, Throwable cause) {
		super(message, cause);
		this.providerId = providerId;
	}

	public String providerId() {
		return this.providerId;
	}

}
