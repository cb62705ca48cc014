package io.cachet.api;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.util.StringUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Cachet's "Acceptable" middleware: an API request whose {@code Accept} header does not
 * admit JSON is answered with 406 (in JSON all the same). No {@code Accept} header means
 * anything goes.
 */
class ApiAcceptFilter extends OncePerRequestFilter {

	private final ApiErrorWriter errorWriter;

	ApiAcceptFilter(ApiErrorWriter errorWriter) {
		this.errorWriter = errorWriter;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		if (StringUtils.hasText(accept) && !acceptsJson(accept)) {
			this.errorWriter.write(response, ApiErrors.of(HttpStatus.NOT_ACCEPTABLE));
			return;
		}
		chain.doFilter(request, response);
	}

	static boolean acceptsJson(String accept) {
		try {
			List<MediaType> types = MediaType.parseMediaTypes(accept);
			return types.stream()
				.filter((type) -> type.getQualityValue() > 0)
				.anyMatch((type) -> type.isCompatibleWith(MediaType.APPLICATION_JSON));
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

}
