package io.cachet.sso;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * A sign-in method that adds to the dashboard's security filter chain (the OpenID Connect
 * login, its logout).
 */
interface SsoLoginContribution {

	void configure(HttpSecurity http) throws Exception;

}
