package io.cachet.sso;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;

import io.cachet.user.ExternalSignIns;

/**
 * The OpenID Connect sign-in, present only when at least one provider is configured
 * ({@link OidcConfigured}).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(OidcConfigured.class)
class OidcConfiguration {

	@Bean
	OidcClientRegistrations oidcClientRegistrations(OidcProperties properties) {
		return new OidcClientRegistrations(properties);
	}

	@Bean
	OidcLogin oidcLogin(OidcClientRegistrations registrations, OidcProperties properties, SsoProperties sso,
			ExternalSignIns signIns, OAuth2AuthorizedClientRepository authorizedClients) {
		return new OidcLogin(registrations, new OidcSignInUserService(properties, sso, signIns), authorizedClients);
	}

	/**
	 * Keeps no access token: the dashboard calls no API of the provider after the
	 * sign-in, so nothing is held per user in memory (Boot's default would be), nor in
	 * the session.
	 */
	@Bean
	OAuth2AuthorizedClientRepository oidcAuthorizedClients() {
		return new OAuth2AuthorizedClientRepository() {

			@Override
			public <T extends OAuth2AuthorizedClient> @Nullable T loadAuthorizedClient(String clientRegistrationId,
					Authentication principal, HttpServletRequest request) {
				return null;
			}

			@Override
			public void saveAuthorizedClient(OAuth2AuthorizedClient authorizedClient, Authentication principal,
					HttpServletRequest request, HttpServletResponse response) {
			}

			@Override
			public void removeAuthorizedClient(String clientRegistrationId, Authentication principal,
					HttpServletRequest request, HttpServletResponse response) {
			}

		};
	}

}
