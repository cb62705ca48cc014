package io.cachet.dashboard;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.cachet.sso.DirectoryAuthentication;
import io.cachet.user.UserService;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.authentication.rememberme.CookieTheftException;
import org.springframework.security.web.authentication.rememberme.InvalidCookieException;
import org.springframework.security.web.authentication.rememberme.PersistentRememberMeToken;
import org.springframework.security.web.authentication.rememberme.PersistentTokenBasedRememberMeServices;
import org.springframework.security.web.authentication.rememberme.PersistentTokenRepository;

/**
 * Persistent remember-me logins: the cookie holds a random series and token whose rows in
 * {@code persistent_logins} are shared by every node and survive restarts; nothing in a
 * backup can forge one, and deleting the rows revokes them. The token is replaced at each
 * use, so a copied cookie used after its owner (an old token of a known series) shows a
 * theft: Spring Security then deletes the user's remember-me logins, and this class also
 * ends their sessions (the thief's among them) and answers as for any invalid cookie,
 * with the login page rather than an error. The key only marks the authentications this
 * node made, so a random one per start is enough.
 * <p>
 * A directory (LDAP) login is never remembered: a remember-me login does not ask the
 * directory again, so someone removed from it would stay in for the cookie's 30 days.
 */
class RevocableRememberMeServices extends PersistentTokenBasedRememberMeServices {

	private final PersistentTokenRepository tokens;

	private final UserService users;

	RevocableRememberMeServices(UserDetailsService accounts, PersistentTokenRepository tokens, UserService users) {
		super(UUID.randomUUID().toString(), accounts, tokens);
		this.tokens = tokens;
		this.users = users;
	}

	@Override
	protected void onLoginSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication successfulAuthentication) {
		if (DirectoryAuthentication.isDirectory(successfulAuthentication)) {
			this.logger.debug("No remember-me for a directory login");
			return;
		}
		super.onLoginSuccess(request, response, successfulAuthentication);
	}

	@Override
	protected UserDetails processAutoLoginCookie(String[] cookieTokens, HttpServletRequest request,
			HttpServletResponse response) {
		// read before Spring Security deletes it on a theft
		@Nullable PersistentRememberMeToken stored = (cookieTokens.length == 2) ? this.tokens.getTokenForSeries(cookieTokens[0])
				: null;
		try {
			return super.processAutoLoginCookie(cookieTokens, request, response);
		}
		catch (CookieTheftException ex) {
			if (stored != null) {
				this.logger.warn("A remember-me cookie of " + stored.getUsername()
						+ " was used after it had been replaced: ended the user's remember-me logins and sessions");
				this.users.endSessions(stored.getUsername());
			}
			throw new InvalidCookieException("Remember-me cookie already used");
		}
	}

}
