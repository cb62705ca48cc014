package io.cachet.sso;

import org.springframework.security.authentication.AccountStatusException;

import io.cachet.user.ExternalSignInRefusedException;

/**
 * A provider vouched for the person, and Cachet refuses them (deactivated, no mapped
 * group, an e-mail address that is someone else's). An {@link AccountStatusException}, so
 * no further provider is tried.
 */
public class SignInRefusedException extends AccountStatusException {

	private final ExternalSignInRefusedException.Reason reason;

	public SignInRefusedException(ExternalSignInRefusedException cause) {
		super(cause.getMessage(), cause);
		this.reason = cause.reason();
	}

	public ExternalSignInRefusedException.Reason reason() {
		return this.reason;
	}

}
