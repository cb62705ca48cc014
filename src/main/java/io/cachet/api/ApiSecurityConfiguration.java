package io.cachet.api;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import io.cachet.shared.DatabaseOutage;
import io.cachet.cluster.RateLimits;
import io.cachet.settings.AllowedOrigins;
import io.cachet.settings.AlwaysAuthenticate;
import io.cachet.settings.SettingsService;
import io.cachet.shared.BrowserPolicy;
import io.cachet.user.UserLevel;
import io.cachet.user.UserService;

/**
 * Security of {@code /api/**}: stateless, authenticated by the {@code X-Cachet-Token}
 * header only.
 * <p>
 * Reads are public (a valid token shows more, as in Cachet) except the subscriber list;
 * every other method needs a token, so a write route added later is protected without
 * further configuration. A dashboard session does not authenticate API calls: the API has
 * no CSRF protection because it accepts no cookies.
 * <p>
 * Roles are the dashboard's ({@code DashboardSecurityConfiguration}): a token acts with
 * its user's level, {@code ROLE_ADMIN} (Cachet level 1) or {@code ROLE_USER} (level 2).
 * Monitors, webhooks and upstreams, every method including reads, are for admins only, as
 * their dashboard pages are: they make the server call addresses of the caller's choosing
 * with headers and secrets of its choosing, and their results and delivery logs tell what
 * answered. A level-2 token gets 403 there, a request without a valid token 401. The push
 * route of monitors stays open: its token in the URL is its only credential. Settings and
 * the team, the dashboard's other admin pages, have no API routes.
 * <p>
 * Subscribers (list, add, delete, and deleting a subscription) are open to level-2
 * tokens, because the dashboard lets level-2 users list, add, import and delete
 * subscribers too; a guest gets 401 on every subscriber route.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

	/**
	 * The routes only admins' tokens may call, with every method (their dashboard pages
	 * are admins-only too).
	 */
	static final String[] ADMIN_ONLY = { "/api/v1/monitors", "/api/v1/monitors/**", "/api/v1/webhooks",
			"/api/v1/webhooks/**", "/api/v1/upstreams", "/api/v1/upstreams/**" };

	private static final String CSP = "Content-Security-Policy";

	/** Swagger UI's pages, the only documents under {@code /api}. */
	private static final RequestMatcher DOCUMENTATION = new OrRequestMatcher(
			PathPatternRequestMatcher.withDefaults().matcher("/api/docs/**"),
			PathPatternRequestMatcher.withDefaults().matcher("/api/swagger-ui/**"));

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, UserService userService, ApiErrorWriter errorWriter,
			SettingsService settings, AllowedOrigins origins, RateLimits rateLimits, DatabaseOutage database,
			ApiProperties properties) throws Exception {
		int rateLimit = properties.rateLimit();
		AuthorizationManager<RequestAuthorizationContext> publicRead = AlwaysAuthenticate.publicUnlessOn(settings);
		http.securityMatcher("/api/**")
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers(HttpMethod.GET, "/api/v1/ping", "/api/v1/version", "/api/v1/status")
				.permitAll()
				.requestMatchers("/api/v1/monitors/push/**")
				.permitAll()
				// a pre-flight carries no token; it only learns the methods allowed
				.requestMatchers(HttpMethod.OPTIONS, "/api/**")
				.permitAll()
				.requestMatchers(ADMIN_ONLY)
				.hasRole(UserLevel.ADMIN.role())
				// every method, HEAD included: a guest learns nothing of the list
				.requestMatchers("/api/v1/subscribers", "/api/v1/subscribers/**", "/api/v1/subscriptions/**")
				.authenticated()
				.requestMatchers(HttpMethod.GET, "/api/**")
				.access(publicRead)
				.requestMatchers(HttpMethod.HEAD, "/api/**")
				.access(publicRead)
				.anyRequest()
				.authenticated())
			.csrf(AbstractHttpConfigurer::disable)
			// allowed_domains drives CORS, preflights included (Cachet's behaviour)
			.cors((cors) -> cors.configurationSource(origins))
			.headers((headers) -> headers
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(DOCUMENTATION,
						new StaticHeadersWriter(CSP, BrowserPolicy.PUBLIC_PAGE)))
				.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(DOCUMENTATION),
						new StaticHeadersWriter(CSP, BrowserPolicy.API))))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint(
						(request, response, ex) -> errorWriter.write(response, ApiErrors.of(HttpStatus.UNAUTHORIZED)))
				.accessDeniedHandler(
						(request, response, ex) -> errorWriter.write(response, ApiErrors.of(HttpStatus.FORBIDDEN))))
			.addFilterBefore(new ApiAcceptFilter(errorWriter), SecurityContextHolderFilter.class)
			.addFilterBefore(new ApiTokenAuthenticationFilter(userService, errorWriter, database),
					AnonymousAuthenticationFilter.class)
			// after the token check: counted per user, or per address for everyone else
			.addFilterAfter(new ApiRateLimitFilter(rateLimits, errorWriter, rateLimit),
					AnonymousAuthenticationFilter.class);
		return http.build();
	}

}
