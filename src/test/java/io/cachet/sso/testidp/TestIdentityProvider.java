package io.cachet.sso.testidp;

import java.io.IOException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A real OpenID Connect provider for the sign-in tests: Spring Authorization Server, as
 * an application of its own (its own context, which neither scans {@code io.cachet} nor
 * reads the application's properties) on a free port of {@code localhost}, with its own
 * session cookie ({@code IDPSESSION}), so that it never takes the dashboard's.
 * <p>
 * It has the discovery document, RP-initiated logout, no consent screen, Spring
 * Security's default login form and the users {@code alice} (in {@code cachet-admins}),
 * {@code bob} ({@code cachet-users}), {@code carol} (in no group), {@code dave} and
 * {@code erin} ({@code cachet-users}), all with the password {@link #PASSWORD}; their
 * groups are in the ID token's {@code groups} claim and can be changed by the test
 * ({@link #setGroups}). The client ({@link #CLIENT_ID}, {@link #CLIENT_SECRET}, a
 * confidential one) allows the redirect URIs of the application given to {@link #allow}.
 */
public final class TestIdentityProvider implements AutoCloseable {

	public static final String CLIENT_ID = "cachet";

	public static final String CLIENT_SECRET = "cachet-secret";

	public static final String PASSWORD = "idp password";

	private final ConfigurableApplicationContext context;

	private TestIdentityProvider(ConfigurableApplicationContext context) {
		this.context = context;
	}

	public static TestIdentityProvider start() {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(Config.class)
			.web(WebApplicationType.SERVLET)
			.properties("spring.config.name=cachet-test-idp", "server.port=0",
					"server.servlet.session.cookie.name=IDPSESSION", "spring.main.banner-mode=off",
					"spring.jmx.enabled=false")
			.run();
		return new TestIdentityProvider(context);
	}

	public int port() {
		return this.context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	/** The issuer, as the application is configured with it. */
	public String issuer() {
		return "http://localhost:" + port();
	}

	/**
	 * Allows the redirect URIs of the application at this base URL
	 * ({@code http://127.0.0.1:<port>}: Spring Authorization Server refuses
	 * {@code localhost} ones, as OAuth 2.1 says).
	 */
	public void allow(String appBaseUrl, String registrationId) {
		this.context.getBean(Clients.class).allow(appBaseUrl, registrationId);
	}

	/**
	 * Makes the token endpoint answer 503, as a provider that fails between the login
	 * form and the application's callback.
	 */
	public void failTokenEndpoint(boolean fail) {
		this.context.getBean(FailingTokenEndpoint.class).failing = fail;
	}

	public void setGroups(String username, List<String> groups) {
		this.context.getBean(Groups.class).byUser.put(username, groups);
	}

	@Override
	public void close() {
		this.context.close();
	}

	/** The users' groups, changeable by the test. */
	static final class Groups {

		final Map<String, List<String>> byUser = new ConcurrentHashMap<>(
				Map.of("alice", List.of("cachet-admins"), "bob", List.of("cachet-users"), "carol", List.of(), "dave",
						List.of("cachet-users"), "erin", List.of("cachet-users")));

	}

	/** A token endpoint that answers 503 while {@link #failing}. */
	@Order(Ordered.HIGHEST_PRECEDENCE)
	static final class FailingTokenEndpoint extends OncePerRequestFilter {

		volatile boolean failing;

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (this.failing && request.getRequestURI().equals("/oauth2/token")) {
				response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
				return;
			}
			chain.doFilter(request, response);
		}

	}

	/** The one client, whose redirect URIs follow the application's port. */
	static final class Clients implements RegisteredClientRepository {

		private final String id = UUID.randomUUID().toString();

		private volatile RegisteredClient client = build("http://127.0.0.1:1", "test");

		void allow(String appBaseUrl, String registrationId) {
			this.client = build(appBaseUrl, registrationId);
		}

		private RegisteredClient build(String appBaseUrl, String registrationId) {
			return RegisteredClient.withId(this.id)
				.clientId(CLIENT_ID)
				.clientSecret("{noop}" + CLIENT_SECRET)
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
				.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
				.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
				.redirectUri(appBaseUrl + "/login/oauth2/code/" + registrationId)
				.postLogoutRedirectUri(appBaseUrl + "/auth/login?logout")
				.scope(OidcScopes.OPENID)
				.scope(OidcScopes.PROFILE)
				.scope(OidcScopes.EMAIL)
				.clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
				.build();
		}

		@Override
		public void save(RegisteredClient registeredClient) {
			this.client = registeredClient;
		}

		@Override
		public @Nullable RegisteredClient findById(String id) {
			return this.client.getId().equals(id) ? this.client : null;
		}

		@Override
		public @Nullable RegisteredClient findByClientId(String clientId) {
			return this.client.getClientId().equals(clientId) ? this.client : null;
		}

	}

	/**
	 * Not a {@code @Configuration}: the application's component scan, which reaches the
	 * test classes, must not find it.
	 */
	@ImportAutoConfiguration({ TomcatServletWebServerAutoConfiguration.class,
			DispatcherServletAutoConfiguration.class })
	@EnableWebSecurity
	static class Config {

		private final KeyPair keys = rsa();

		@Bean
		@Order(1)
		SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
			var authorizationServer = new OAuth2AuthorizationServerConfigurer();
			http.securityMatcher(authorizationServer.getEndpointsMatcher())
				.with(authorizationServer, (server) -> server.oidc(Customizer.withDefaults()))
				.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				// the userinfo endpoint reads the access token
				.oauth2ResourceServer((resourceServer) -> resourceServer.jwt(Customizer.withDefaults()))
				.exceptionHandling((exceptions) -> exceptions.defaultAuthenticationEntryPointFor(
						new LoginUrlAuthenticationEntryPoint("/login"),
						new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
			return http.build();
		}

		@Bean
		@Order(2)
		SecurityFilterChain loginForm(HttpSecurity http) throws Exception {
			http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.formLogin(Customizer.withDefaults());
			return http.build();
		}

		@Bean
		UserDetailsService users() {
			return new InMemoryUserDetailsManager(List.of("alice", "bob", "carol", "dave", "erin")
				.stream()
				.map((name) -> User.withUsername(name).password("{noop}" + PASSWORD).roles("USER").build())
				.toList());
		}

		@Bean
		Groups groups() {
			return new Groups();
		}

		@Bean
		FailingTokenEndpoint failingTokenEndpoint() {
			return new FailingTokenEndpoint();
		}

		@Bean
		Clients clients() {
			return new Clients();
		}

		@Bean
		OAuth2TokenCustomizer<JwtEncodingContext> idTokenClaims(Groups groups) {
			return (context) -> {
				if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
					String name = context.getPrincipal().getName();
					context.getClaims()
						.claim("groups", groups.byUser.getOrDefault(name, List.of()))
						.claim("preferred_username", name)
						.claim("email", name + "@idp.example")
						.claim("email_verified", true);
				}
			};
		}

		@Bean
		JWKSource<SecurityContext> jwkSource() {
			RSAKey key = new RSAKey.Builder((RSAPublicKey) this.keys.getPublic())
				.privateKey((RSAPrivateKey) this.keys.getPrivate())
				.keyID(UUID.randomUUID().toString())
				.build();
			return new ImmutableJWKSet<>(new JWKSet(key));
		}

		@Bean
		JwtDecoder jwtDecoder() {
			return NimbusJwtDecoder.withPublicKey((RSAPublicKey) this.keys.getPublic()).build();
		}

		@Bean
		AuthorizationServerSettings authorizationServerSettings() {
			return AuthorizationServerSettings.builder().build();
		}

		@Bean
		SessionRegistry sessionRegistry() {
			return new SessionRegistryImpl();
		}

		@Bean
		HttpSessionEventPublisher httpSessionEventPublisher() {
			return new HttpSessionEventPublisher();
		}

		private static KeyPair rsa() {
			try {
				KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
				generator.initialize(2048);
				return generator.generateKeyPair();
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
