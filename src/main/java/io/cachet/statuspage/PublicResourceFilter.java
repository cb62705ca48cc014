package io.cachet.statuspage;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

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
 * the security headers Spring Security would have added.
 */
class PublicResourceFilter extends HttpFilter {

	private static final String SENDFILE_SUPPORT = "org.apache.tomcat.sendfile.support";

	private final PublicResources resources;

	private final SendfileCache files;

	private final StatusPageMetrics metrics;

	PublicResourceFilter(PublicResources resources, SendfileCache files, StatusPageMetrics metrics) {
		this.resources = resources;
		this.files = files;
		this.metrics = metrics;
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long start = System.nanoTime();
		String method = request.getMethod();
		boolean head = "HEAD".equals(method);
		if (!head && !"GET".equals(method)) {
			chain.doFilter(request, response);
			return;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (!PublicResources.isPublicPath(path)) {
			chain.doFilter(request, response);
			return;
		}
		Optional<PublicResources.Response> answer = this.resources
			.handle(new PublicResources.Request(path, parameter(request), request.getHeader("Accept-Language")));
		if (answer.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		write(answer.get(), request, response, head);
		this.metrics.answered(path, start);
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

	private void write(PublicResources.Response answer, HttpServletRequest request, HttpServletResponse response,
			boolean head) throws IOException {
		RenderedResource resource = answer.resource();
		// addHeader, not setHeader: nothing set these before, and setHeader searches the
		// headers for an earlier value each time.
		response.addHeader("Cache-Control", resource.cacheControl());
		response.addHeader("ETag", resource.etag());
		response.addHeader("Vary", answer.varyByLanguage() ? "Accept-Encoding, Accept-Language" : "Accept-Encoding");
		response.addHeader("X-Content-Type-Options", "nosniff");
		response.addHeader("Referrer-Policy", "strict-origin-when-cross-origin");
		if (!answer.framable()) {
			response.addHeader("X-Frame-Options", "SAMEORIGIN");
		}
		if (answer.crossOrigin()) {
			response.addHeader("Access-Control-Allow-Origin", "*");
		}
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
				SendfileCache files, StatusPageMetrics metrics) {
			var registration = new FilterRegistrationBean<>(new PublicResourceFilter(resources, files, metrics));
			// Right after the setup redirect: these answers need no encoding, observation
			// or security filter. Spring's observation filter (http.server.requests) has
			// the same order and comes after this one; StatusPageMetrics times these
			// answers instead (OperationsIntegrationTests checks both).
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
			registration.addUrlPatterns("/*");
			return registration;
		}

	}

}
