package io.cachet.dashboard;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses an upload to the backup route, the one route with a large multipart limit,
 * before anything reads its body, unless the session belongs to an admin. The CSRF filter
 * reads the form's token, which makes Tomcat parse the whole multipart body, and it runs
 * before authorisation: without this guard anyone could make the server parse 64 MB. A
 * guest is sent to the login, a level-2 user gets 403, as the authorisation rules would
 * answer; the answer is sent at once, and Tomcat swallows at most its
 * {@code maxSwallowSize} (2 MB) of the rest before it closes the connection.
 */
class LargeUploadGuard extends OncePerRequestFilter {

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || !BackupUploadServlet.PATH
			.equals(request.getRequestURI().substring(request.getContextPath().length()));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken
				|| !authentication.isAuthenticated()) {
			response.setHeader("Connection", "close");
			response.sendRedirect(request.getContextPath() + "/auth/login");
			// sent now: Tomcat would otherwise first swallow what is left of the body
			response.flushBuffer();
			return;
		}
		boolean admin = authentication.getAuthorities()
			.stream()
			.anyMatch((authority) -> "ROLE_ADMIN".equals(authority.getAuthority()));
		if (!admin) {
			response.setHeader("Connection", "close");
			response.setStatus(HttpServletResponse.SC_FORBIDDEN);
			response.setContentType("text/plain;charset=UTF-8");
			response.getWriter().write("Only admins may import a backup.");
			response.flushBuffer();
			return;
		}
		chain.doFilter(request, response);
	}

}
