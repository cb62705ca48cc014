package io.cachet.api;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Answers API requests that match no controller (an unknown path, a method the path does
 * not support) with Cachet's error envelope instead of the servlet container's error
 * page. Exceptions from API controllers are left to {@link ApiExceptionHandler}.
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
		HttpStatusCode status = (ex instanceof ErrorResponse errorResponse) ? errorResponse.getStatusCode()
				: HttpStatus.NOT_FOUND;
		if (ex instanceof HttpRequestMethodNotSupportedException notSupported
				&& notSupported.getSupportedMethods() != null) {
			response.setHeader(HttpHeaders.ALLOW,
					StringUtils.arrayToCommaDelimitedString(notSupported.getSupportedMethods()));
		}
		try {
			this.errorWriter.write(response, ApiErrors.of(status));
			return new ModelAndView();
		}
		catch (IOException writeFailed) {
			return null;
		}
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

}
