package io.cachet.sso;

import java.util.List;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * A sign-in method that adds to the dashboard's security filter chain (the OpenID Connect
 * login, its logout).
 */
interface SsoLoginContribution {

	void configure(HttpSecurity http) throws Exception;

	/**
	 * @return the providers that check this method's authentications: the chain's
	 * authentication manager is {@link SsoSecurity}'s own, so what a configurer would add
	 * to the chain's builder would not be used
	 */
	default List<AuthenticationProvider> authenticationProviders() {
		return List.of();
	}

}
