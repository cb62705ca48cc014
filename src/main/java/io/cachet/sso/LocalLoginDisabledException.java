package io.cachet.sso;

import org.springframework.security.core.AuthenticationException;

/**
 * The password was right, but local login is off and this is not the break-glass admin.
 * Not an account-status exception: the directory, if any, is tried next.
 */
public class LocalLoginDisabledException extends AuthenticationException {

	LocalLoginDisabledException() {
		super("Local login is turned off");
	}

}
