package io.cachet.dashboard;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.cachet.settings.AlwaysAuthenticate;
import io.cachet.settings.SettingsService;
import io.cachet.shared.BrowserPolicy;
import io.cachet.shared.DatabaseOutage;
import io.cachet.sso.SsoSecurity;
import io.cachet.statuspage.PublicResources;
import io.cachet.user.UserService;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.RememberMeAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer.FrameOptionsConfig;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter.XFrameOptionsMode;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.rememberme.PersistentTokenRepository;
import org.springframework.security.web.authentication.rememberme.RememberMeAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.ViewResolver;

/**
 * Security of everything outside the API: the dashboard needs a login (username or e-mail
 * and password at {@code /auth/login}, then a TOTP code when the user enabled two
 * factors), with remember-me, throttling, CSRF on every form and a new session id at
 * login. Every dashboard request checks that its session is still current
 * ({@link SessionRevocationFilter}). The health probes are public, other Actuator
 * endpoints closed, the public pages open.
 */
@Configuration(proxyBeanMethods = false)
class DashboardSecurityConfiguration {

	static final String REMEMBER_ME_PARAMETER = "remember-me";

	private static final String CSP = "Content-Security-Policy";

	/** The pages drawn with the dashboard's layout. */
	private static final List<String> DASHBOARD_PAGES = List.of("/dashboard", "/dashboard/**", "/auth/**", "/setup",
			"/setup/**", "/signup/**");

	@Bean
	@Order(10)
	SecurityFilterChain webSecurityFilterChain(HttpSecurity http, TwoFactorLoginHandler twoFactor,
			RevocableRememberMeServices rememberMe, LoginThrottle throttle, UserService users, DatabaseOutage database,
			DashboardExceptionHandler outagePage,
			@Qualifier("thymeleafViewResolver") ObjectProvider<ViewResolver> views, SettingsService settings,
			SsoSecurity sso) throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
			.permitAll()
			.requestMatchers("/actuator/**")
			.denyAll()
			.requestMatchers("/dashboard/settings", "/dashboard/settings/**", "/dashboard/team", "/dashboard/team/**",
					"/dashboard/webhooks", "/dashboard/webhooks/**", "/dashboard/upstreams", "/dashboard/upstreams/**",
					"/dashboard/monitors", "/dashboard/monitors/**")
			.hasRole("ADMIN")
			.requestMatchers("/dashboard", "/dashboard/**")
			.authenticated()
			.requestMatchers(DashboardSecurityConfiguration::isStatusPage)
			.access(AlwaysAuthenticate.publicUnlessOn(settings))
			.anyRequest()
			.permitAll())
			.formLogin((form) -> form.loginPage("/auth/login")
				.loginProcessingUrl("/auth/login")
				.usernameParameter("username")
				.passwordParameter("password")
				.successHandler(twoFactor)
				.failureHandler(twoFactor)
				.permitAll())
			// One-click unsubscribe (RFC 8058) is a POST from a mail client, without a
			// token; the link's signature is what authorises it.
			.csrf((csrf) -> csrf.ignoringRequestMatchers("/unsubscribe/**"))
			.rememberMe((remember) -> remember.rememberMeServices(rememberMe))
			.logout((logout) -> logout.logoutUrl("/auth/logout").logoutSuccessUrl("/auth/login?logout"))
			// Closed Actuator endpoints answer 401; pages send the browser to the login.
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(entryPoint()))
			.sessionManagement((session) -> session.sessionFixation((fixation) -> fixation.changeSessionId()))
			.headers(DashboardSecurityConfiguration::browserHeaders)
			.addFilterBefore(new ThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
			.addFilterBefore(new LargeUploadGuard(), CsrfFilter.class)
			.addFilterAfter(new SessionRevocationFilter(users, rememberMe, database, outagePage, views),
					RememberMeAuthenticationFilter.class);
		// the login form's password check (local, then the directory), OpenID Connect
		sso.apply(http, new RememberMeAuthenticationProvider(rememberMe.getKey()));
		return http.build();
	}

	/**
	 * The dashboard's strict policy on its own pages, the widget's on {@code /embed}
	 * (framed by any site), the public pages' policy on the rest (status page, subscribe
	 * and error pages, API documentation); see {@link BrowserPolicy}.
	 * {@code X-Content-Type-Options: nosniff} is on by default.
	 */
	private static void browserHeaders(HeadersConfigurer<HttpSecurity> headers) {
		RequestMatcher dashboard = new OrRequestMatcher(DASHBOARD_PAGES.stream()
			.map((pattern) -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(pattern))
			.toList());
		RequestMatcher embed = PathPatternRequestMatcher.withDefaults().matcher("/embed");
		RequestMatcher publicPages = new AndRequestMatcher(new NegatedRequestMatcher(dashboard),
				new NegatedRequestMatcher(embed));
		headers.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
			.frameOptions(FrameOptionsConfig::disable)
			.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(dashboard,
					new StaticHeadersWriter(CSP, BrowserPolicy.DASHBOARD)))
			.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(dashboard,
					new XFrameOptionsHeaderWriter(XFrameOptionsMode.DENY)))
			.addHeaderWriter(
					new DelegatingRequestMatcherHeaderWriter(embed, new StaticHeadersWriter(CSP, BrowserPolicy.EMBED)))
			.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(publicPages,
					new StaticHeadersWriter(CSP, BrowserPolicy.PUBLIC_PAGE)))
			.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(publicPages,
					new XFrameOptionsHeaderWriter(XFrameOptionsMode.SAMEORIGIN)));
	}

	/**
	 * The status page's resources (served from memory by the statuspage module) and the
	 * subscribe form; the signed links of subscribers' e-mails are not in it: their
	 * signature is what authorises them.
	 */
	private static boolean isStatusPage(HttpServletRequest request) {
		String path = path(request);
		return PublicResources.isPublicPath(path) || path.equals("/subscribe");
	}

	/** The status page's documents, where a guest is sent to the login. */
	private static boolean isStatusPageDocument(String path) {
		return path.equals("/") || path.equals("/embed") || path.equals("/subscribe") || path.startsWith("/incidents/")
				|| path.startsWith("/schedules/");
	}

	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	private static AuthenticationEntryPoint entryPoint() {
		var login = new LoginUrlAuthenticationEntryPoint("/auth/login");
		var unauthorized = new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED);
		return (request, response, exception) -> {
			String path = path(request);
			// Feeds, badges, the widget's script and metric data are read by programs:
			// they get a 401 rather than a login page.
			if (path.startsWith("/actuator/") || (isStatusPage(request) && !isStatusPageDocument(path))) {
				unauthorized.commence(request, response, exception);
			}
			else {
				login.commence(request, response, exception);
			}
		};
	}

	/**
	 * Revocable remember-me logins kept in the database
	 * ({@link RevocableRememberMeServices}).
	 */
	@Bean
	RevocableRememberMeServices rememberMeServices(UserDetailsService accounts, PersistentTokenRepository tokens,
			UserService users) {
		var services = new RevocableRememberMeServices(accounts, tokens, users);
		services.setParameter(REMEMBER_ME_PARAMETER);
		services.setTokenValiditySeconds(30 * 24 * 3600);
		return services;
	}

	/**
	 * Refuses a login attempt without checking the password while this account from this
	 * address, or this address, must wait ({@link LoginThrottle}).
	 */
	static class ThrottleFilter extends OncePerRequestFilter {

		private final LoginThrottle throttle;

		ThrottleFilter(LoginThrottle throttle) {
			this.throttle = throttle;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if ("POST".equals(request.getMethod()) && "/auth/login".equals(request.getServletPath())) {
				String login = (request.getParameter("username") != null) ? request.getParameter("username") : "";
				java.time.Duration wait = this.throttle.retryAfter(login, request.getRemoteAddr());
				if (!wait.isZero()) {
					response.setHeader("Retry-After", String.valueOf(Math.max(1, wait.toSeconds())));
					response.sendRedirect(request.getContextPath() + "/auth/login?throttled");
					return;
				}
			}
			chain.doFilter(request, response);
		}

	}

}
