package io.cachet.api;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.StringUtils;
import org.springframework.web.filter.OncePerRequestFilter;

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

	private final UserService userService;

	ApiTokenAuthenticationFilter(UserService userService) {
		this.userService = userService;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String token = request.getHeader(TOKEN_HEADER);
		if (StringUtils.hasText(token)) {
			this.userService.authenticateApiToken(token.strip()).ifPresent(ApiTokenAuthenticationFilter::signIn);
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
