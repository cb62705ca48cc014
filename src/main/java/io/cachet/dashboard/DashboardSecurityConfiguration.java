package io.cachet.dashboard;

import java.io.IOException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.cachet.shared.DatabaseOutage;
import io.cachet.user.UserService;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
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

	@Bean
	@Order(10)
	SecurityFilterChain webSecurityFilterChain(HttpSecurity http, TwoFactorLoginHandler twoFactor,
			RevocableRememberMeServices rememberMe, LoginThrottle throttle, UserService users, DatabaseOutage database,
			DashboardExceptionHandler outagePage,
			@Qualifier("thymeleafViewResolver") ObjectProvider<ViewResolver> views) throws Exception {
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
			.addFilterBefore(new ThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
			.addFilterAfter(new SessionRevocationFilter(users, rememberMe, database, outagePage, views),
					RememberMeAuthenticationFilter.class);
		return http.build();
	}

	private static AuthenticationEntryPoint entryPoint() {
		var login = new LoginUrlAuthenticationEntryPoint("/auth/login");
		var unauthorized = new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED);
		return (request, response, exception) -> {
			if (request.getRequestURI().startsWith(request.getContextPath() + "/actuator/")) {
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
