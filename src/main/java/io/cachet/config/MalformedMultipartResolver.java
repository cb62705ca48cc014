package io.cachet.config;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * A multipart body the server cannot parse (no boundary, cut short) is the client's
 * error: the pages answer 400 with the plain error page. The multipart resolver runs
 * before a handler is chosen, so no controller advice sees the exception and it used to
 * be a 500. The API ({@code /api/…}) has its own resolver and envelope; uploads over the
 * size limit stay a 413 (Spring MVC's own mapping).
 */
@Component
class MalformedMultipartResolver implements HandlerExceptionResolver, Ordered {

	@Override
	public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
			@Nullable Object handler, Exception ex) {
		if (!(ex instanceof MultipartException) || ex instanceof MaxUploadSizeExceededException || isApi(request)) {
			return null;
		}
		try {
			response.sendError(HttpServletResponse.SC_BAD_REQUEST);
			return new ModelAndView();
		}
		catch (IOException writeFailed) {
			return null;
		}
	}

	private static boolean isApi(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.equals("/api") || path.startsWith("/api/");
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 20;
	}

}
