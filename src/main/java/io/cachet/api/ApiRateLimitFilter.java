package io.cachet.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import io.cachet.cluster.WindowCounters;

/**
 * Limits {@code /api/v1} requests per client and minute, as Cachet 3 does
 * ({@code CACHET_API_RATE_LIMIT}, default 300; 0 turns it off): a client is its API token
 * (by digest) when it sends one, else its address. Counted across the cluster when there
 * is one. Over the limit the answer is 429 in Cachet's error envelope with
 * {@code Retry-After}; every answer carries {@code X-RateLimit-Limit} and
 * {@code X-RateLimit-Remaining}. Push-monitor heartbeats are not counted.
 */
class ApiRateLimitFilter extends OncePerRequestFilter {

	static final Duration WINDOW = Duration.ofMinutes(1);

	private final WindowCounters counters;

	private final ApiErrorWriter errorWriter;

	private final int limit;

	ApiRateLimitFilter(WindowCounters counters, ApiErrorWriter errorWriter, int limit) {
		this.counters = counters;
		this.errorWriter = errorWriter;
		this.limit = limit;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI();
		return this.limit <= 0 || !path.startsWith("/api/v1/") || path.startsWith("/api/v1/monitors/push/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String key = "api:" + client(request);
		int used = this.counters.count(key, WINDOW);
		response.setHeader("X-RateLimit-Limit", String.valueOf(this.limit));
		if (used >= this.limit) {
			response.setHeader("X-RateLimit-Remaining", "0");
			response.setHeader("Retry-After", String.valueOf(WINDOW.toSeconds()));
			this.errorWriter.write(response, ApiErrors.of(HttpStatus.TOO_MANY_REQUESTS));
			return;
		}
		this.counters.add(key, WINDOW);
		response.setHeader("X-RateLimit-Remaining", String.valueOf(Math.max(0, this.limit - used - 1)));
		chain.doFilter(request, response);
	}

	private static String client(HttpServletRequest request) {
		String token = request.getHeader(ApiTokenAuthenticationFilter.TOKEN_HEADER);
		if (token != null && !token.isBlank()) {
			try {
				byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
				return "token:" + HexFormat.of().formatHex(digest, 0, 16);
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return "address:" + request.getRemoteAddr();
	}

}
