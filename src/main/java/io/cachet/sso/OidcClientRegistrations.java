package io.cachet.sso;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.web.client.RestClient;

/**
 * The configured OpenID Connect providers, each read from its discovery document
 * ({@code /.well-known/openid-configuration}) LAZILY, at its first use (the first click
 * on its button, or a callback), not at start-up: a provider that is down when Cachet
 * starts neither stops the start nor the local login, and its button answers with a clear
 * "cannot be reached" on the login page ({@link ProviderUnavailableException}) until it
 * is back. A document read once is kept (the endpoints and keys' location of a provider
 * do not move); a failed read is tried again at the next attempt. Every read is bounded
 * by {@link #TIMEOUT}, as the other calls to the provider are ({@link OidcHttp}).
 */
class OidcClientRegistrations implements ClientRegistrationRepository {

	private static final Logger logger = LoggerFactory.getLogger(OidcClientRegistrations.class);

	static final Duration TIMEOUT = Duration.ofSeconds(5);

	/** Spring Security's callback, which the provider must allow as a redirect URI. */
	static final String REDIRECT_URI = "{baseUrl}/login/oauth2/code/{registrationId}";

	private final Map<String, OidcProperties.Provider> providers;

	private final Map<String, ClientRegistration> discovered = new ConcurrentHashMap<>();

	private final RestClient http;

	OidcClientRegistrations(OidcProperties properties) {
		this.providers = new LinkedHashMap<>(properties.oidc());
		this.providers.forEach(OidcClientRegistrations::check);
		this.http = RestClient.builder().requestFactory(OidcHttp.requestFactory()).build();
	}

	/** A provider without an issuer or a client id is a mistake to say at start-up. */
	private static void check(String id, OidcProperties.Provider provider) {
		if (provider.issuerUri() == null || provider.issuerUri().isBlank()) {
			throw new IllegalStateException("cachet.sso.oidc." + id + ".issuer-uri (CACHET_SSO_OIDC_"
					+ id.toUpperCase(java.util.Locale.ROOT) + "_ISSUERURI) is not set");
		}
		if (provider.clientId() == null || provider.clientId().isBlank()) {
			throw new IllegalStateException("cachet.sso.oidc." + id + ".client-id (CACHET_SSO_OIDC_"
					+ id.toUpperCase(java.util.Locale.ROOT) + "_CLIENTID) is not set");
		}
	}

	/**
	 * @return the provider, read from its discovery document if it was not yet, or
	 * {@code null} when no provider has this id
	 * @throws ProviderUnavailableException when its discovery document cannot be read
	 */
	@Override
	public @Nullable ClientRegistration findByRegistrationId(String registrationId) {
		OidcProperties.Provider provider = this.providers.get(registrationId);
		if (provider == null) {
			return null;
		}
		ClientRegistration known = this.discovered.get(registrationId);
		if (known != null) {
			return known;
		}
		ClientRegistration registration = discover(registrationId, provider);
		ClientRegistration first = this.discovered.putIfAbsent(registrationId, registration);
		return (first != null) ? first : registration;
	}

	/**
	 * @return the provider if its discovery document was read already, without reading it
	 * (for the logout, which does not wait for a provider)
	 */
	@Nullable ClientRegistration ifDiscovered(String registrationId) {
		return this.discovered.get(registrationId);
	}

	Map<String, OidcProperties.Provider> providers() {
		return this.providers;
	}

	Collection<String> ids() {
		return this.providers.keySet();
	}

	private ClientRegistration discover(String id, OidcProperties.Provider provider) {
		String issuer = Objects.requireNonNull(provider.issuerUri()).strip();
		String location = withoutTrailingSlash(issuer) + "/.well-known/openid-configuration";
		Map<String, Object> metadata;
		try {
			metadata = this.http.get()
				.uri(location)
				.retrieve()
				.body(new ParameterizedTypeReference<Map<String, Object>>() {
				});
		}
		catch (RuntimeException ex) {
			logger.warn("Could not read the discovery document of OpenID Connect provider {} at {}: {}", id, location,
					ex.toString());
			throw new ProviderUnavailableException(id, "The provider's discovery document cannot be read", ex);
		}
		// the issuer must be the document's (OpenID Connect Discovery, 4.3); a trailing
		// slash in the setting is forgiven
		if (metadata == null || !(metadata.get("issuer") instanceof String named)
				|| !withoutTrailingSlash(named).equals(withoutTrailingSlash(issuer))) {
			logger.warn("The discovery document of OpenID Connect provider {} at {} names issuer {}, not {}", id,
					location, (metadata != null) ? metadata.get("issuer") : null, issuer);
			throw new ProviderUnavailableException(id, "The provider's discovery document names another issuer",
					new IllegalStateException("issuer mismatch"));
		}
		try {
			ClientRegistration.Builder builder = ClientRegistrations.fromOidcConfiguration(metadata)
				.registrationId(id)
				.clientName(provider.displayNameOr(id))
				.clientId(Objects.requireNonNull(provider.clientId()).strip())
				.redirectUri(REDIRECT_URI)
				.scope(provider.scopes())
				.userNameAttributeName("sub");
			if (provider.clientSecret() != null && !provider.clientSecret().isBlank()) {
				builder.clientSecret(provider.clientSecret().strip());
			}
			else {
				// a public client: PKCE alone
				builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
			}
			ClientRegistration registration = builder.build();
			logger.info("Read the discovery document of OpenID Connect provider {} ({})", id, issuer);
			return registration;
		}
		catch (RuntimeException ex) {
			logger.warn("The discovery document of OpenID Connect provider {} at {} is not usable: {}", id, location,
					ex.toString());
			throw new ProviderUnavailableException(id, "The provider's discovery document is not usable", ex);
		}
	}

	private static String withoutTrailingSlash(String uri) {
		return uri.replaceAll("/+$", "");
	}

	/** The bounded HTTP client of every call to a provider. */
	static final class OidcHttp {

		private OidcHttp() {
		}

		static SimpleClientHttpRequestFactory requestFactory() {
			var factory = new SimpleClientHttpRequestFactory();
			factory.setConnectTimeout(TIMEOUT);
			factory.setReadTimeout(TIMEOUT);
			return factory;
		}

	}

}
