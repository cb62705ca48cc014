package io.cachet.sso;

import org.springframework.security.authentication.AuthenticationProvider;

/**
 * A directory (LDAP, Active Directory) that checks the login form's username and password
 * after the local accounts. On success its authentication's principal is the
 * {@link io.cachet.user.UserAccount} of the user linked to the directory entry.
 */
interface DirectoryLogin extends AuthenticationProvider {

	/** The name the login page and the settings show, e.g. "Company directory". */
	String displayName();

}
