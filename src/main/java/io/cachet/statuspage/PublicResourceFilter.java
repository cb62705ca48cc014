package io.cachet.statuspage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import io.cachet.settings.AllowedOrigins;
import io.cachet.settings.SettingsService;
import io.cachet.shared.BrowserPolicy;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Serves the {@link PublicResources} straight from memory, before Spring Security and
 * Spring MVC: the status page must answer a spike of visitors at close to the speed of a
 * static file server, and these resources are public and identical for every visitor.
 * Everything else goes down the filter chain as usual. Answers carry an ETag (and 304 for
 * a matching {@code If-None-Match}), the gzipped bytes when the client accepts them, and
 * the security headers Spring Security would have added (the same {@link BrowserPolicy}).
 * <p>
 * When the {@code always_authenticate} setting is on, the page is for logged-in users
 * only: this filter then steps aside, and a second one, registered after Spring Security,
 * serves the same resources to the requests Spring Security let through (guests are sent
 * to the login, or get 401), with Spring Security's {@code Cache-Control: no-store} so
 * that no shared cache keeps them for guests.
 */
class PublicResourceFilter extends HttpFilter {

	private static final String SENDFILE_SUPPORT = "org.apache.tomcat.sendfile.support";

	private final PublicResources resources;

	private final SendfileCache files;

	private final StatusPageMetrics metrics;

	private final SettingsService settings;

	private final AllowedOrigins origins;

	private final boolean behindSecurity;

	/** {@code null} until the setting was read once: an outage then closes the page. */
	private volatile @Nullable Boolean lastAlwaysAuthenticate;

	/**
	 * @param behindSecurity {@code false} for the fast path before Spring Security, which
	 * serves guests while the page is public; {@code true} for the one after it, which
	 * serves only while {@code always_authenticate} is on
	 */
	PublicResourceFilter(PublicResources resources, SendfileCache files, StatusPageMetrics metrics,
			SettingsService settings, AllowedOrigins origins, boolean behindSecurity) {
		this.resources = resources;
		this.files = files;
		this.metrics = metrics;
		this.settings = settings;
		this.origins = origins;
		this.behindSecurity = behindSecurity;
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!answer(request, response)) {
			chain.doFilter(request, response);
		}
	}

	/**
	 * Answers the request when it is for one of the resources this filter serves (also
	 * called by {@link PublicResourceValve}, before Tomcat builds the filter chain).
	 * @return {@code false} when it left the request and the response untouched
	 */
	boolean answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
		long start = System.nanoTime();
		String method = request.getMethod();
		boolean head = "HEAD".equals(method);
		if (!head && !"GET".equals(method)) {
			return false;
		}
		String path = path(request);
		if (!PublicResources.isPublicPath(path) || alwaysAuthenticate() != this.behindSecurity) {
			return false;
		}
		Optional<PublicResources.Response> answer = this.resources
			.handle(new PublicResources.Request(path, parameter(request), request.getHeader("Accept-Language")));
		if (answer.isEmpty()) {
			return false;
		}
		write(answer.get(), path, request, response, head);
		this.metrics.answered(path, start);
		return true;
	}

	static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	/**
	 * The setting, or the last value read while the settings cannot be read (the database
	 * is down and the settings were just forgotten): the page keeps being served from
	 * memory as it was, never opened to guests by the outage.
	 */
	private boolean alwaysAuthenticate() {
		try {
			boolean value = this.settings.site().alwaysAuthenticate();
			this.lastAlwaysAuthenticate = value;
			return value;
		}
		catch (RuntimeException ex) {
			Boolean last = this.lastAlwaysAuthenticate;
			return (last == null) || last;
		}
	}

	private static @Nullable String parameter(HttpServletRequest request) {
		if (request.getQueryString() == null) {
			return null;
		}
		for (String name : new String[] { "start_date", "page", "filter", "style" }) {
			String value = request.getParameter(name);
			if (value != null) {
				return value;
			}
		}
		return null;
	}

	private void write(PublicResources.Response answer, String path, HttpServletRequest request,
			HttpServletResponse response, boolean head) throws IOException {
		RenderedResource resource = answer.resource();
		// Behind Spring Security, it writes the security and CORS headers, and its
		// Cache-Control: no-store (the answer is for logged-in users only).
		if (!this.behindSecurity) {
			// added, not set: nothing set these before, and setHeader searches the
			// headers
			// for an earlier value each time.
			addHeader(response, "Cache-Control", resource.cacheControl());
			addHeader(response, "X-Content-Type-Options", "nosniff");
			addHeader(response, "Referrer-Policy", BrowserPolicy.REFERRER_POLICY);
			addHeader(response, "Content-Security-Policy",
					answer.framable() ? BrowserPolicy.EMBED : BrowserPolicy.PUBLIC_PAGE);
			if (!answer.framable()) {
				addHeader(response, "X-Frame-Options", "SAMEORIGIN");
			}
			crossOrigin(answer, path, request, response);
		}
		addHeader(response, "ETag", resource.etag());
		addHeader(response, "Vary", answer.varyByLanguage() ? "Accept-Encoding, Accept-Language" : "Accept-Encoding");
		String ifNoneMatch = request.getHeader("If-None-Match");
		if (resource.status() == 200 && ifNoneMatch != null && matches(ifNoneMatch, resource.etag())) {
			response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
			return;
		}
		response.setStatus(resource.status());
		response.setContentType(resource.contentType());
		byte[] body = resource.body();
		String acceptEncoding = request.getHeader("Accept-Encoding");
		if (resource.gzipped() != null && acceptEncoding != null && acceptEncoding.contains("gzip")) {
			body = resource.gzipped();
			response.addHeader("Content-Encoding", "gzip");
		}
		response.setContentLength(body.length);
		if (head) {
			return;
		}
		if (body == resource.body() && Boolean.TRUE.equals(request.getAttribute(SENDFILE_SUPPORT))) {
			java.nio.file.Path file = this.files.fileFor(resource);
			if (file != null) {
				// Tomcat sends the file with sendfile once the filter returns.
				request.setAttribute("org.apache.tomcat.sendfile.filename", file.toAbsolutePath().toString());
				request.setAttribute("org.apache.tomcat.sendfile.start", 0L);
				request.setAttribute("org.apache.tomcat.sendfile.end", (long) body.length);
				return;
			}
		}
		response.getOutputStream().write(body);
	}

	/**
	 * Adds a header whose name and value are ASCII. Tomcat's own response (the one
	 * {@link PublicResourceValve} passes) gets them as bytes: Tomcat encodes a
	 * {@code String} header with a new {@code CharsetEncoder} for every response, a fifth
	 * of the page's CPU time in JFR (the CSP alone is 260 characters).
	 */
	private static void addHeader(HttpServletResponse response, String name, String value) {
		if (response instanceof org.apache.catalina.connector.Response tomcat && !tomcat.isCommitted()) {
			byte[] nameBytes = name.getBytes(StandardCharsets.ISO_8859_1);
			byte[] valueBytes = value.getBytes(StandardCharsets.ISO_8859_1);
			tomcat.getCoyoteResponse()
				.getMimeHeaders()
				.addValue(nameBytes, 0, nameBytes.length)
				.setBytes(valueBytes, 0, valueBytes.length);
		}
		else {
			response.addHeader(name, value);
		}
	}

	/**
	 * The Statuspage JSON and the metric data follow {@code allowed_domains}, like the
	 * rest of the API; badges, feeds and the widget's script stay readable from any site
	 * (they are meant to be shown elsewhere).
	 */
	private void crossOrigin(PublicResources.Response answer, String path, HttpServletRequest request,
			HttpServletResponse response) {
		if (!answer.crossOrigin()) {
			return;
		}
		if (path.startsWith("/api/") || path.startsWith("/metrics/")) {
			addHeader(response, "Vary", "Origin");
			String allowed = this.origins.allow(request.getHeader("Origin"));
			if (allowed != null) {
				response.addHeader("Access-Control-Allow-Origin", allowed);
			}
		}
		else {
			addHeader(response, "Access-Control-Allow-Origin", "*");
		}
	}

	private static boolean matches(String ifNoneMatch, String etag) {
		if (ifNoneMatch.strip().equals("*")) {
			return true;
		}
		for (String candidate : ifNoneMatch.split(",")) {
			String tag = candidate.strip();
			if (tag.startsWith("W/")) {
				tag = tag.substring(2);
			}
			if (tag.equals(etag)) {
				return true;
			}
		}
		return false;
	}

	@Configuration(proxyBeanMethods = false)
	static class Registration {

		@Bean
		FilterRegistrationBean<PublicResourceFilter> publicResourceFilter(PublicResources resources,
				SendfileCache files, StatusPageMetrics metrics, SettingsService settings, AllowedOrigins origins) {
			var registration = new FilterRegistrationBean<>(
					new PublicResourceFilter(resources, files, metrics, settings, origins, false));
			// Most requests are answered by the same filter in PublicResourceValve,
			// before
			// Tomcat even builds this chain; the rest (query strings, trailing slashes,
			// guarded paths, failures) reach it here.
			// Right after the setup redirect: these answers need no encoding, observation
			// or security filter. Spring's observation filter (http.server.requests) has
			// the same order and comes after this one; StatusPageMetrics times these
			// answers instead (OperationsIntegrationTests checks both).
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
			registration.addUrlPatterns("/*");
			return registration;
		}

		/**
		 * The fast path's filter, also run in Tomcat's pipeline before the filter chain
		 * ({@link PublicResourceValve}).
		 */
		@Bean
		TomcatContextCustomizer publicResourceValve(FilterRegistrationBean<PublicResourceFilter> publicResourceFilter,
				ObjectProvider<BeforeFiltersGuard> guards) {
			return (context) -> context.getPipeline()
				.addValve(new PublicResourceValve(publicResourceFilter.getFilter(), guards.orderedStream().toList()));
		}

		/**
		 * The same resources for logged-in users while {@code always_authenticate} is on:
		 * right after Spring Security, which turned guests away.
		 */
		@Bean
		FilterRegistrationBean<PublicResourceFilter> authenticatedPublicResourceFilter(PublicResources resources,
				SendfileCache files, StatusPageMetrics metrics, SettingsService settings, AllowedOrigins origins,
				ObjectProvider<SecurityFilterProperties> security) {
			int securityOrder = security.getIfAvailable(SecurityFilterProperties::new).getOrder();
			var registration = new FilterRegistrationBean<>(
					new PublicResourceFilter(resources, files, metrics, settings, origins, true));
			registration.setOrder(securityOrder + 1);
			registration.addUrlPatterns("/*");
			return registration;
		}

	}

}
