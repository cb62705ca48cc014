package io.cachet.sso;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.cachet.sso.testidp.TestIdentityProvider;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The providers, read lazily from their discovery documents: against a real provider
 * ({@link TestIdentityProvider}), and one that is down.
 */
class OidcClientRegistrationsTests {

	static final TestIdentityProvider idp = TestIdentityProvider.start();

	@AfterAll
	static void stop() {
		idp.close();
	}

	@Test
	void readsTheDiscoveryDocumentAtTheFirstUseAndKeepsIt() {
		var registrations = new OidcClientRegistrations(
				properties(Map.of("test", provider(idp.issuer(), TestIdentityProvider.CLIENT_SECRET))));
		assertThat(registrations.ifDiscovered("test")).isNull();
		ClientRegistration test = registrations.findByRegistrationId("test");
		assertThat(test).isNotNull();
		assertThat(test.getProviderDetails().getTokenUri()).isEqualTo(idp.issuer() + "/oauth2/token");
		assertThat(test.getProviderDetails().getConfigurationMetadata()).containsKey("end_session_endpoint");
		assertThat(test.getRedirectUri()).isEqualTo("{baseUrl}/login/oauth2/code/{registrationId}");
		assertThat(test.getScopes()).containsExactlyInAnyOrder("openid", "profile", "email");
		assertThat(test.getClientAuthenticationMethod()).isEqualTo(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
		assertThat(registrations.findByRegistrationId("test")).isSameAs(test);
		assertThat(registrations.findByRegistrationId("unknown")).isNull();
	}

	@Test
	void aPublicClientUsesNoSecret() {
		var registrations = new OidcClientRegistrations(properties(Map.of("public", provider(idp.issuer(), null))));
		assertThat(registrations.findByRegistrationId("public").getClientAuthenticationMethod())
			.isEqualTo(ClientAuthenticationMethod.NONE);
	}

	@Test
	void aProviderThatIsDownIsUnavailableAndTriedAgainNextTime() {
		var registrations = new OidcClientRegistrations(
				properties(Map.of("down", provider("http://127.0.0.1:" + deadPort(), "s"))));
		long start = System.nanoTime();
		assertThatExceptionOfType(ProviderUnavailableException.class)
			.isThrownBy(() -> registrations.findByRegistrationId("down"))
			.satisfies((ex) -> assertThat(ex.providerId()).isEqualTo("down"));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
		assertThatExceptionOfType(ProviderUnavailableException.class)
			.isThrownBy(() -> registrations.findByRegistrationId("down"));
		assertThat(registrations.ifDiscovered("down")).isNull();
	}

	@Test
	void anIssuerWithATrailingSlashIsTheSame() {
		var registrations = new OidcClientRegistrations(properties(Map.of("slash", provider(idp.issuer() + "/", "s"))));
		assertThat(registrations.findByRegistrationId("slash")).isNotNull();
	}

	@Test
	void aProviderWithoutIssuerOrClientIdIsAMistakeSaidAtStartUp() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new OidcClientRegistrations(properties(Map.of("x", provider(null, "s")))))
			.withMessageContaining("CACHET_SSO_OIDC_X_ISSUERURI");
	}

	private static OidcProperties properties(Map<String, OidcProperties.Provider> providers) {
		return new OidcProperties(providers);
	}

	private static OidcProperties.Provider provider(String issuer, String secret) {
		return new OidcProperties.Provider(issuer, TestIdentityProvider.CLIENT_ID, secret,
				List.of("openid", "profile", "email"), null, "groups", "preferred_username", null, null, null);
	}

	private static int deadPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
