package io.cachet.api;

import java.io.IOException;
import java.util.UUID;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * The last resort for an exception no handler took (one raised in a filter, such as the
 * public page's, or by a page controller): it is logged once at ERROR with its stack
 * trace and an error id, and the client gets that id, in Cachet's envelope on the API, on
 * the error page ({@code templates/error/5xx.html}, via {@link ServerErrorAttributes})
 * elsewhere. Without it, Tomcat logged the exception with nothing the user could quote.
 */
class ServerErrorFilter extends OncePerRequestFilter {

	/**
	 * The request attribute holding the id of a 5xx that has been logged already.
	 */
	static final String ERROR_ID = ServerErrorFilter.class.getName() + ".id";

	private static final Logger log = LoggerFactory.getLogger(ServerErrorFilter.class);

	private final ApiErrorWriter errorWriter;

	ServerErrorFilter(ApiErrorWriter errorWriter) {
		this.errorWriter = errorWriter;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | IOException | RuntimeException ex) {
			if (response.isCommitted() || DisconnectedClientHelper.isClientDisconnectedException(ex)) {
				throw ex;
			}
			answer(request, response, ex);
		}
	}

	/**
	 * Input Tomcat could not parse, read for the first time past
	 * {@link UnparsableParametersFilter}: the client's fault, not a 500.
	 */
	private static boolean isUnparsableInput(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof InvalidParameterException || cause instanceof MultipartException) {
				return true;
			}
		}
		return false;
	}

	private void answer(HttpServletRequest request, HttpServletResponse response, Exception ex) throws IOException {
		if (isUnparsableInput(ex)) {
			UnparsableParametersFilter.refuse(request, response, HttpStatus.BAD_REQUEST, this.errorWriter);
			return;
		}
		response.reset();
		if (ApiPaths.isApi(request)) {
			this.errorWriter.write(response,
					ApiErrors.serverError(HttpStatus.INTERNAL_SERVER_ERROR, ex, ApiErrors.describe(request)));
			return;
		}
		String id = UUID.randomUUID().toString();
		log.error("{} answered 500 with error id {}", ApiErrors.describe(request), id, ex);
		request.setAttribute(ERROR_ID, id);
		response.sendError(HttpStatus.INTERNAL_SERVER_ERROR.value());
	}

}
