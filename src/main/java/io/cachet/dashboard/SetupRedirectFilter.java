package io.cachet.dashboard;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.cachet.statuspage.BeforeFiltersGuard;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Before the first user exists, the status page, the login and the dashboard all lead to
 * the setup wizard (Cachet's {@code ready} middleware). The JSON API, feeds and badges
 * are left alone. It runs before the public page filter; once set up it costs a volatile
 * read.
 */
class SetupRedirectFilter extends HttpFilter {

	private final SetupState setup;

	SetupRedirectFilter(SetupState setup) {
		this.setup = setup;
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		if (!this.setup.isDone() && "GET".equals(request.getMethod()) && leadsToSetup(path(request))) {
			response.sendRedirect(request.getContextPath() + "/setup");
			return;
		}
		chain.doFilter(request, response);
	}

	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	static boolean leadsToSetup(String path) {
		return path.equals("/") || path.equals("/dashboard") || path.startsWith("/dashboard/")
				|| path.startsWith("/auth/");
	}

	@Configuration(proxyBeanMethods = false)
	static class Registration {

		@Bean
		FilterRegistrationBean<SetupRedirectFilter> setupRedirectFilter(SetupState setup) {
			var registration = new FilterRegistrationBean<>(new SetupRedirectFilter(setup));
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
			registration.addUrlPatterns("/*");
			return registration;
		}

		/**
		 * The status page answers {@code /} before the servlet filters run: until the
		 * setup is done, it leaves the redirect to this filter.
		 */
		@Bean
		BeforeFiltersGuard setupPending(SetupState setup) {
			return (path) -> leadsToSetup(path) && !setup.isDone();
		}

	}

}
