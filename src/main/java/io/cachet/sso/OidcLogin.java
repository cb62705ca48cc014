package io.cachet.sso;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2LoginAuthenticationFilter;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.NullRememberMeServices;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;

import io.cachet.shared.DatabaseOutage;

/**
 * The OpenID Connect login of the dashboard's filter chain: Spring Security's
 * {@code oauth2Login} (authorization code with PKCE even for confidential clients,
 * {@code state} and {@code nonce} as the library does them), on the lazily discovered
 * providers ({@link OidcClientRegistrations}), and its logout.
 * <ul>
 * <li>After the provider's callback the session's authentication is swapped: its
 * principal becomes the {@link io.cachet.user.UserAccount} that
 * {@link io.cachet.user.ExternalSignIns} returned, with its authorities, as a password
 * login's is, so that the session revocation (which ends every session whose principal is
 * no {@code UserAccount}), the roles, the audit log and {@code getName()} (the Cachet
 * username) work the same whatever the sign-in method. The provider and the ID token stay
 * in the authentication's details ({@link OidcSession}), for the logout.</li>
 * <li>The session id changes at login (the chain's session fixation). There is no
 * remember-me for these logins: the provider decides how long its session lasts, and a
 * remember-me cookie would outlive a person removed from the provider.</li>
 * <li>Nothing a provider does shows a 500: its discovery document, token endpoint, keys
 * or userinfo failing (down, slow, refusing) lead to the login page's "cannot be reached"
 * ({@code ?unreachable=<id>}), a refusal by Cachet to its {@code ?refused=<reason>}, any
 * other failure of the exchange to {@code ?sso-failed}; the password form keeps
 * working.</li>
 * <li>Logout ends the local session and, for a session opened through a provider whose
 * discovery document has an {@code end_session_endpoint}, continues there through a page
 * that refreshes to it (RP-initiated logout, with {@code id_token_hint},
 * {@code client_id} and a {@code post_logout_redirect_uri} of
 * {@code /auth/login?logout}); password sessions log out as before.</li>
 * </ul>
 */
class OidcLogin implements SsoLoginContribution, OidcSignInButtons {

	private static final Logger logger = LoggerFactory.getLogger(OidcLogin.class);

	static final String LOGIN_PAGE = "/auth/login";

	static final String LOGGED_OUT = "/auth/login?logout";

	/** The OAuth 2 error codes of a provider that failed in the exchange (RFC 6749). */
	private static final Set<String> PROVIDER_FAILURES = Set.of("invalid_token_response", "invalid_id_token",
			"invalid_user_info_response", "server_error", "temporarily_unavailable");

	private final OidcClientRegistrations registrations;

	private final OidcSignInUserService users;

	private final OAuth2AuthorizedClientRepository authorizedClients;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	private final SavedRequestAwareAuthenticationSuccessHandler dashboard = new SavedRequestAwareAuthenticationSuccessHandler();

	private final SimpleUrlLogoutSuccessHandler localLogout = new SimpleUrlLogoutSuccessHandler();

	private final OidcAuthorizationCodeAuthenticationProvider authentication;

	OidcLogin(OidcClientRegistrations registrations, OidcSignInUserService users,
			OAuth2AuthorizedClientRepository authorizedClients) {
		this.registrations = registrations;
		this.users = users;
		this.authorizedClients = authorizedClients;
		this.dashboard.setDefaultTargetUrl("/dashboard");
		this.localLogout.setDefaultTargetUrl(LOGGED_OUT);
		var tokens = new RestClientAuthorizationCodeTokenResponseClient();
		tokens.setRestClient(RestClient.builder()
			.requestFactory(OidcClientRegistrations.OidcHttp.requestFactory())
			.messageConverters(
					List.of(new FormHttpMessageConverter(), new OAuth2AccessTokenResponseHttpMessageConverter()))
			.defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
			.build());
		this.authentication = new OidcAuthorizationCodeAuthenticationProvider(tokens, users);
		this.authentication.setJwtDecoderFactory(new OidcIdTokenDecoders());
	}

	@Override
	public List<SignInOptions.SignInButton> buttons() {
		return this.registrations.providers()
			.entrySet()
			.stream()
			.map((entry) -> new SignInOptions.SignInButton(entry.getKey(),
					entry.getValue().displayNameOr(entry.getKey()),
					OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI + "/"
							+ entry.getKey()))
			.toList();
	}

	/**
	 * The chain's authentication manager is {@link SsoSecurity}'s, so the OpenID Connect
	 * provider is given to it rather than to the chain's builder.
	 */
	@Override
	public List<AuthenticationProvider> authenticationProviders() {
		return List.of(this.authentication);
	}

	@Override
	public void configure(HttpSecurity http) throws Exception {
		var resolver = new DefaultOAuth2AuthorizationRequestResolver(this.registrations,
				OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
		resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
		http.oauth2Login((login) -> login.loginPage(LOGIN_PAGE)
			.clientRegistrationRepository(this.registrations)
			.authorizedClientRepository(this.authorizedClients)
			.authorizationEndpoint((endpoint) -> endpoint.authorizationRequestResolver(resolver))
			.userInfoEndpoint((userInfo) -> userInfo.oidcUserService(this.users))
			.successHandler(this::onSuccess)
			.failureHandler(this::onFailure)
			.withObjectPostProcessor(new ObjectPostProcessor<Object>() {
				@Override
				public <O> O postProcess(O filter) {
					if (filter instanceof OAuth2LoginAuthenticationFilter callback) {
						callback.setRememberMeServices(new NullRememberMeServices());
					}
					if (filter instanceof OAuth2AuthorizationRequestRedirectFilter redirect) {
						redirect.setAuthenticationFailureHandler(authorizationFailure());
					}
					return filter;
				}
			})).logout((logout) -> logout.logoutSuccessHandler(logoutSuccess()));
	}

	/**
	 * Makes the account the session's principal (see the class's Javadoc), then goes to
	 * the dashboard, or to the page the guest asked for.
	 */
	private void onSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
			throws IOException, jakarta.servlet.ServletException {
		if (!(authentication instanceof OAuth2AuthenticationToken token)
				|| !(token.getPrincipal() instanceof SignedInOidcUser user)) {
			throw new IllegalStateException("Not an OpenID Connect sign-in: " + authentication.getClass());
		}
		var signedIn = UsernamePasswordAuthenticationToken.authenticated(user.account(), null,
				user.account().getAuthorities());
		signedIn
			.setDetails(new OidcSession(token.getAuthorizedClientRegistrationId(), user.getIdToken().getTokenValue()));
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(signedIn);
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
		logger.info("User {} signed in through OpenID Connect provider {}", user.getName(),
				token.getAuthorizedClientRegistrationId());
		this.dashboard.onAuthenticationSuccess(request, response, signedIn);
	}

	private void onFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
			throws IOException {
		response.sendRedirect(request.getContextPath() + LOGIN_PAGE + "?" + failureQuery(request, failure));
	}

	/**
	 * @return the login page's query for a failed sign-in
	 */
	static String failureQuery(HttpServletRequest request, AuthenticationException failure) {
		if (DatabaseOutage.isOutage(failure)) {
			return "unavailable";
		}
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof AuthenticationException known) {
				String query = LoginFailures.query(known);
				if (query != null) {
					return query;
				}
			}
		}
		String id = registrationId(request);
		if (failure instanceof OAuth2AuthenticationException oauth
				&& PROVIDER_FAILURES.contains(oauth.getError().getErrorCode()) && id != null) {
			logger.warn("The sign-in through OpenID Connect provider {} failed: {}", id, abbreviated(failure));
			return "unreachable=" + URLEncoder.encode(id, StandardCharsets.UTF_8);
		}
		logger.info("A sign-in through OpenID Connect provider {} did not complete: {}", id, abbreviated(failure));
		return "sso-failed";
	}

	/** The failure, without all of the provider's error page. */
	private static String abbreviated(AuthenticationException failure) {
		String text = failure.toString();
		return (text.length() > 300) ? text.substring(0, 300) + "…" : text;
	}

	/** The last segment of the callback's or the button's path. */
	private static @Nullable String registrationId(HttpServletRequest request) {
		String uri = request.getRequestURI();
		int slash = uri.lastIndexOf('/');
		return (slash >= 0 && slash < uri.length() - 1) ? uri.substring(slash + 1) : null;
	}

	/**
	 * The button's failures: a provider that cannot be reached goes to the login page, an
	 * unknown registration id is a 404.
	 */
	private AuthenticationFailureHandler authorizationFailure() {
		return (request, response, failure) -> {
			for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
				if (cause instanceof ProviderUnavailableException unavailable) {
					onFailure(request, response, unavailable);
					return;
				}
			}
			logger.debug("No sign-in with {}", request.getRequestURI(), failure);
			response.sendError(HttpStatus.NOT_FOUND.value());
		};
	}

	/**
	 * Ends the provider's session too, when the session came from a provider that has an
	 * end-session endpoint.
	 */
	private LogoutSuccessHandler logoutSuccess() {
		return (request, response, authentication) -> {
			String endSession = (authentication != null && authentication.getDetails() instanceof OidcSession session)
					? endSessionUrl(request, session) : null;
			if (endSession == null) {
				this.localLogout.onLogoutSuccess(request, response, authentication);
				return;
			}
			continueAtProvider(request, response, endSession);
		};
	}

	/**
	 * Sends the browser on to the provider's end-session endpoint with a page that
	 * refreshes to it, not a redirect: the logout is a form's POST, and the dashboard's
	 * {@code form-action 'self'} policy refuses a form's redirect to another site (as
	 * Chromium enforces it on redirects); a refresh is a navigation of its own.
	 */
	private static void continueAtProvider(HttpServletRequest request, HttpServletResponse response, String endSession)
			throws IOException {
		String url = HtmlUtils.htmlEscape(endSession);
		response.setStatus(HttpStatus.OK.value());
		response.setContentType("text/html;charset=UTF-8");
		response.setHeader("Cache-Control", "no-store");
		response.getWriter()
			.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
					+ "<meta http-equiv=\"refresh\" content=\"0;url=" + url + "\">" + "<title>Logging out</title>"
					+ "<link rel=\"stylesheet\" href=\"" + request.getContextPath()
					+ "/dashboard-assets/dashboard.css\"></head>" + "<body class=\"auth\"><main class=\"card narrow\">"
					+ "<h1>Logging out</h1><p>You are logged out here. <a id=\"continue-logout\" href=\"" + url
					+ "\">Continue to log out of your organisation's account</a>.</p></main></body></html>\n");
	}

	private @Nullable String endSessionUrl(HttpServletRequest request, OidcSession session) {
		ClientRegistration registration;
		try {
			registration = this.registrations.findByRegistrationId(session.registrationId());
		}
		catch (ProviderUnavailableException ex) {
			logger.info("Logged out of Cachet only: provider {} cannot be reached", session.registrationId());
			return null;
		}
		if (registration == null) {
			return null;
		}
		Map<String, Object> metadata = registration.getProviderDetails().getConfigurationMetadata();
		if (!(metadata.get("end_session_endpoint") instanceof String endpoint) || endpoint.isBlank()) {
			return null;
		}
		String back = UriComponentsBuilder.fromUriString(request.getRequestURL().toString())
			.replacePath(request.getContextPath() + "/auth/login")
			.replaceQuery("logout")
			.build()
			.toUriString();
		return UriComponentsBuilder.fromUriString(endpoint)
			.queryParam("id_token_hint", encoded(session.idToken()))
			.queryParam("client_id", encoded(registration.getClientId()))
			.queryParam("post_logout_redirect_uri", encoded(back))
			.build(true)
			.toUriString();
	}

	private static String encoded(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
