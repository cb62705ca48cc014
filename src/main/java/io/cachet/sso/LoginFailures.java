package io.cachet.sso;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.AuthenticationException;

import io.cachet.user.ExternalSignInRefusedException;

/**
 * From a failed sign-in to the login page's query string, and back to a message.
 */
public final class LoginFailures {

	private LoginFailures() {
	}

	/**
	 * @return the query that tells the login page why, or {@code null} when the failure
	 * is none of the single sign-on ones (a wrong password, …)
	 */
	public static @Nullable String query(AuthenticationException failure) {
		if (failure instanceof SignInRefusedException refused) {
			return "refused=" + refused.reason().name().toLowerCase(Locale.ROOT);
		}
		if (failure instanceof ProviderUnavailableException unavailable) {
			return "unreachable=" + unavailable.providerId();
		}
		if (failure instanceof LocalLoginDisabledException) {
			return "local-off";
		}
		return null;
	}

	/**
	 * @return whether the failure says nothing about the password (it was right, or could
	 * not be checked): not a failed attempt for the throttle
	 */
	public static boolean isNotAGuess(AuthenticationException failure) {
		return failure instanceof SignInRefusedException || failure instanceof ProviderUnavailableException;
	}

	/**
	 * @param refused the {@code refused} parameter of the login page
	 * @return its message, or {@code null} for an unknown value
	 */
	public static @Nullable String refusalMessage(@Nullable String refused) {
		if (refused == null) {
			return null;
		}
		for (ExternalSignInRefusedException.Reason reason : ExternalSignInRefusedException.Reason.values()) {
			if (reason.name().equalsIgnoreCase(refused)) {
				return reason.message();
			}
		}
		return null;
	}

}
