package io.cachet.sso;

import java.io.Serial;

import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import io.cachet.user.UserAccount;

/**
 * The provider's user with the dashboard user they signed in as, for the moment between
 * Spring Security's OpenID Connect login and {@link OidcLogin}'s success handler, which
 * makes the account the session's principal.
 */
final class SignedInOidcUser extends DefaultOidcUser {

	@Serial
	private static final long serialVersionUID = 1L;

	private final UserAccount account;

	SignedInOidcUser(OidcUser user, UserAccount account) {
		super(account.getAuthorities(), user.getIdToken(), user.getUserInfo(), "sub");
		this.account = account;
	}

	UserAccount account() {
		return this.account;
	}

	/** The Cachet username, as everywhere else. */
	@Override
	public String getName() {
		return this.account.getUsername();
	}

}
