package io.cachet.api;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Answers in Cachet's error envelope what goes wrong with an API request before a
 * controller is chosen, instead of the servlet container's error page: no such route
 * (404), a method the path does not support (405 with {@code Allow}), a malformed
 * multipart body (400) or one over the upload limit (413). Only "no such route" is a 404:
 * anything unexpected is a 500. Exceptions from API controllers are left to
 * {@link ApiExceptionHandler}.
 */
@Component
class ApiRoutingErrorResolver implements HandlerExceptionResolver, Ordered {

	private final ApiErrorWriter errorWriter;

	ApiRoutingErrorResolver(ApiErrorWriter errorWriter) {
		this.errorWriter = errorWriter;
	}

	@Override
	public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
			@Nullable Object handler, Exception ex) {
		if (handler instanceof HandlerMethod || !ApiPaths.isApi(request)) {
			return null;
		}
		HttpStatusCode status = status(ex);
		if (ex instanceof HttpRequestMethodNotSupportedException notSupported
				&& notSupported.getSupportedMethods() != null) {
			response.setHeader(HttpHeaders.ALLOW,
					StringUtils.arrayToCommaDelimitedString(notSupported.getSupportedMethods()));
		}
		try {
			this.errorWriter.write(response, status.is5xxServerError()
					? ApiErrors.serverError(status, ex, ApiErrors.describe(request)) : ApiErrors.of(status));
			return new ModelAndView();
		}
		catch (IOException writeFailed) {
			return null;
		}
	}

	/**
	 * Spring MVC reports a missing route as an {@link ErrorResponse} (404 for
	 * {@code NoHandlerFoundException} and {@code NoResourceFoundException}), as it does
	 * 405, 406 and 415.
	 */
	private static HttpStatusCode status(Exception ex) {
		if (ex instanceof ErrorResponse errorResponse) {
			return errorResponse.getStatusCode();
		}
		if (ex instanceof MaxUploadSizeExceededException) {
			return HttpStatus.CONTENT_TOO_LARGE;
		}
		if (ex instanceof MultipartException || ex instanceof InvalidParameterException) {
			return HttpStatus.BAD_REQUEST;
		}
		return HttpStatus.INTERNAL_SERVER_ERROR;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

}
