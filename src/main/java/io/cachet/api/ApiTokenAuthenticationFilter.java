package io.cachet.api;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.StringUtils;
import org.springframework.web.filter.OncePerRequestFilter;

import io.cachet.shared.DatabaseOutage;
import io.cachet.user.AuthenticatedUser;
import io.cachet.user.UserService;

/**
 * Authenticates an API request by its {@code X-Cachet-Token} header. A missing or unknown
 * token leaves the request anonymous: reads go on as a guest, writes are refused with 401
 * by the authorization rules, exactly as Cachet's optional and required API
 * authentication.
 */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

	static final String TOKEN_HEADER = "X-Cachet-Token";

	private static final Logger logger = LoggerFactory.getLogger(ApiTokenAuthenticationFilter.class);

	private final UserService userService;

	private final ApiErrorWriter errors;

	private final DatabaseOutage database;

	ApiTokenAuthenticationFilter(UserService userService, ApiErrorWriter errors, DatabaseOutage database) {
		this.userService = userService;
		this.errors = errors;
		this.database = database;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String token = request.getHeader(TOKEN_HEADER);
		if (StringUtils.hasText(token)) {
			try {
				this.userService.authenticateApiToken(token.strip()).ifPresent(ApiTokenAuthenticationFilter::signIn);
			}
			catch (RuntimeException ex) {
				// raised before any controller, so the API's exception handler never sees
				// it
				if (!this.database.report(ex)) {
					throw ex;
				}
				ApiErrors unavailable = ApiErrors.databaseUnavailable();
				logger.info("Answered 503 {}: the database is unavailable ({})", unavailable.errors().get(0).id(),
						ex.getClass().getSimpleName());
				response.setHeader(HttpHeaders.RETRY_AFTER, DatabaseOutage.RETRY_AFTER_SECONDS);
				this.errors.write(response, unavailable);
				return;
			}
		}
		chain.doFilter(request, response);
	}

	private static void signIn(AuthenticatedUser user) {
		var authentication = UsernamePasswordAuthenticationToken.authenticated(user, null,
				List.of(new SimpleGrantedAuthority("ROLE_" + user.level().role())));
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
	}

}
