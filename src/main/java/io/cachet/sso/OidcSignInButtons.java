package io.cachet.sso;

import java.util.List;

/**
 * The OpenID Connect providers, as the login page shows them.
 */
interface OidcSignInButtons {

	List<SignInOptions.SignInButton> buttons();

}
