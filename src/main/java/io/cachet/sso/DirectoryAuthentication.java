package io.cachet.sso;

import java.io.Serial;
import java.util.Collection;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import io.cachet.user.UserAccount;

/**
 * A login form sign-in that the directory (LDAP, Active Directory) checked, not a local
 * password. The dashboard tells it apart to skip what applies to local passwords only:
 * <ul>
 * <li>no remember-me: a remember-me login is not checked with the directory again, so a
 * person removed from the directory would stay in for its 30 days; each sign-in asks the
 * directory, and re-evaluates the role;</li>
 * <li>no local TOTP code: people who sign in through a provider rely on its own MFA.</li>
 * </ul>
 */
public final class DirectoryAuthentication extends UsernamePasswordAuthenticationToken {

	@Serial
	private static final long serialVersionUID = 1L;

	DirectoryAuthentication(UserAccount account, Collection<? extends GrantedAuthority> authorities) {
		super(account, null, authorities);
	}

	/**
	 * @return whether the directory checked this sign-in
	 */
	public static boolean isDirectory(Authentication authentication) {
		return authentication instanceof DirectoryAuthentication;
	}

	@Override
	public UserAccount getPrincipal() {
		return (UserAccount) super.getPrincipal();
	}

}
