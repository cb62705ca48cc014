package io.cachet.dashboard;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cachet.shared.DatabaseOutage;
import io.cachet.user.UserAccount;
import io.cachet.user.UserService;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.CompositeLogoutHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;

/**
 * Ends a dashboard session at its next request once the rights it was opened with are
 * gone: the user was deleted or deactivated, their role, password, two-factor setting or
 * username changed, or a backup was imported (see {@link UserService#isCurrent}). The
 * check reads the user's row on every dashboard request, so it holds on every node of a
 * cluster, with Spring Session in Redis or plain servlet sessions alike, without keeping
 * a list of sessions; the public pages do not pay for it. A session that is no longer
 * current is logged out (with its remember-me cookie) and sent to the login page.
 * <p>
 * When the database does not answer, nothing is let through unchecked: the request gets
 * the dashboard's 503 page, as every other dashboard request does then.
 */
final class SessionRevocationFilter extends OncePerRequestFilter {

	private static final Logger logger = LoggerFactory.getLogger(SessionRevocationFilter.class);

	private final UserService users;

	private final LogoutHandler logout;

	private final DatabaseOutage database;

	private final DashboardExceptionHandler outagePage;

	private final ObjectProvider<ViewResolver> views;

	SessionRevocationFilter(UserService users, LogoutHandler rememberMe, DatabaseOutage database,
			DashboardExceptionHandler outagePage, ObjectProvider<ViewResolver> views) {
		this.users = users;
		this.logout = new CompositeLogoutHandler(rememberMe, new SecurityContextLogoutHandler());
		this.database = database;
		this.outagePage = outagePage;
		this.views = views;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getServletPath();
		return !(path.equals("/dashboard") || path.startsWith("/dashboard/"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			chain.doFilter(request, response);
			return;
		}
		boolean current;
		try {
			// a session from before security stamps (another principal type) ends too
			current = authentication.getPrincipal() instanceof UserAccount account && this.users.isCurrent(account);
		}
		catch (RuntimeException ex) {
			if (!DatabaseOutage.isOutage(ex)) {
				throw ex;
			}
			renderOutage(ex, request, response);
			return;
		}
		if (!current) {
			logger.info("Ended the session of {}: the account changed since it logged in", authentication.getName());
			this.logout.logout(request, response, authentication);
			response.sendRedirect(request.getContextPath() + "/auth/login?expired");
			return;
		}
		chain.doFilter(request, response);
	}

	private void renderOutage(RuntimeException ex, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		ModelAndView page = this.outagePage.databaseUnavailable(ex, request, response);
		ViewResolver resolver = this.views.getIfAvailable();
		try {
			@Nullable View view = (resolver != null && page.getViewName() != null)
					? resolver.resolveViewName(page.getViewName(), Locale.ENGLISH) : null;
			if (view != null) {
				response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
				view.render(page.getModel(), request, response);
				return;
			}
		}
		catch (Exception renderFailure) {
			logger.debug("Could not render the unavailable page", renderFailure);
		}
		if (!response.isCommitted()) {
			response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
		}
	}

}
