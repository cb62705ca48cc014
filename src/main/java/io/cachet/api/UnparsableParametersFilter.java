package io.cachet.api;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before anything else reads them, query strings and form bodies that Tomcat's
 * parameter parser cannot read: a bad {@code %}-escape ({@code %zz}, a trailing
 * {@code %}), a parameter without a name ({@code &&&=}), more parameters than the
 * connector allows (1000) or a form body over its size limit. Tomcat throws
 * {@link InvalidParameterException} from the first {@code getParameter} call, wherever
 * that happens (the public page filter, Spring Security's CSRF check, a controller), so
 * without this the same input was a 500 in one place and a default error body in another.
 * <p>
 * Parsing here is what would happen anyway, only earlier: the query string, and form
 * bodies, which Tomcat parses for PUT, PATCH and DELETE too
 * ({@link ApiWebConfiguration#formBodiesOnEveryMethod}). Multipart bodies are left to the
 * multipart resolver, after authentication, so that a client without a token cannot make
 * the server read an upload.
 * <p>
 * The API answers 400 (413 for a body too large) in Cachet's envelope; any other page
 * gets the plain error page for that status.
 */
class UnparsableParametersFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(UnparsableParametersFilter.class);

	/**
	 * The backup import, the one route with a large multipart limit
	 * ({@code dashboard.BackupUploadServlet}): its body is parsed only after the
	 * dashboard's {@code LargeUploadGuard} has seen an admin's session, so that a guest
	 * cannot make the server read 64 MB.
	 */
	private static final String BACKUP_UPLOAD = "/dashboard/settings/backup";

	private final ApiErrorWriter errorWriter;

	UnparsableParametersFilter(ApiErrorWriter errorWriter) {
		this.errorWriter = errorWriter;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (hasParameters(request)) {
			try {
				request.getParameterMap();
			}
			catch (InvalidParameterException ex) {
				refuse(request, response, ex);
				return;
			}
		}
		chain.doFilter(request, response);
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, InvalidParameterException ex)
			throws IOException {
		log.debug("Refused unparsable parameters on {} {}", request.getMethod(), request.getRequestURI(), ex);
		HttpStatus status = (ex.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value()) ? HttpStatus.CONTENT_TOO_LARGE
				: HttpStatus.BAD_REQUEST;
		refuse(request, response, status, this.errorWriter);
	}

	/**
	 * Writes the answer itself rather than {@code sendError}: the error page's dispatch
	 * would parse the same multipart body again and fail in turn.
	 */
	static void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
			ApiErrorWriter errorWriter) throws IOException {
		try {
			response.reset();
		}
		catch (IllegalStateException ex) {
			// Tomcat flags the exchange as failed when the body itself is broken (a bad
			// chunk): nothing was sent yet, the answer can still be written
			log.debug("Could not reset the response before refusing the request", ex);
		}
		if (ApiPaths.isApi(request)) {
			errorWriter.write(response,
					(status == HttpStatus.BAD_REQUEST)
							? ApiErrors.badRequest(List.of("The query string or form body cannot be parsed."))
							: ApiErrors.of(status));
			return;
		}
		response.setStatus(status.value());
		response.setContentType("text/plain;charset=UTF-8");
		response.getWriter().write(status.value() + " " + status.getReasonPhrase() + "\n");
	}

	/**
	 * A multipart body is parsed here only off the API: there Spring Security's CSRF
	 * check reads it anyway before anything else, while the API reads it after
	 * authentication.
	 */
	private static boolean hasParameters(HttpServletRequest request) {
		String contentType = request.getContentType();
		if (contentType == null) {
			return request.getQueryString() != null;
		}
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			if (type.isCompatibleWith(MediaType.APPLICATION_FORM_URLENCODED)) {
				return true;
			}
			if (type.isCompatibleWith(MediaType.MULTIPART_FORM_DATA)) {
				return !ApiPaths.isApi(request) && "POST".equals(request.getMethod())
						&& !BACKUP_UPLOAD.equals(request.getRequestURI().substring(request.getContextPath().length()));
			}
			return request.getQueryString() != null;
		}
		catch (org.springframework.http.InvalidMediaTypeException ex) {
			return request.getQueryString() != null;
		}
	}

}
