package io.cachet.api;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import io.cachet.cluster.RateLimits;

/**
 * Limits {@code /api/v1} requests per client and minute, as Cachet 3 does
 * ({@code CACHET_API_RATE_LIMIT}, default 300; 0 turns it off). It runs after the token
 * has been checked: a client is the user a valid token belongs to, and everyone else (no
 * token, or a token that matches nobody) is their address, so that sending a new made-up
 * token with every request does not buy a new budget. A Bucket4j bucket per client
 * ({@link RateLimits}, shared by the cluster), refilled every minute. Over the limit the
 * answer is 429 in Cachet's error envelope with {@code Retry-After}; every answer carries
 * {@code X-RateLimit-Limit} and {@code X-RateLimit-Remaining}. Push-monitor heartbeats
 * are not counted.
 */
class ApiRateLimitFilter extends OncePerRequestFilter {

	static final Duration WINDOW = Duration.ofMinutes(1);

	private final RateLimits limits;

	private final ApiErrorWriter errorWriter;

	private final int limit;

	private final BucketConfiguration configuration;

	ApiRateLimitFilter(RateLimits limits, ApiErrorWriter errorWriter, int limit) {
		this.limits = limits;
		this.errorWriter = errorWriter;
		this.limit = limit;
		this.configuration = BucketConfiguration.builder()
			.addLimit(
					(bandwidth) -> bandwidth.capacity(Math.max(1, limit)).refillIntervally(Math.max(1, limit), WINDOW))
			.build();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI();
		return this.limit <= 0 || !path.startsWith("/api/v1/") || path.startsWith("/api/v1/monitors/push/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		ConsumptionProbe probe = this.limits.bucket("api:" + client(request), () -> this.configuration)
			.tryConsumeAndReturnRemaining(1);
		response.setHeader("X-RateLimit-Limit", String.valueOf(this.limit));
		response.setHeader("X-RateLimit-Remaining", String.valueOf(probe.getRemainingTokens()));
		if (!probe.isConsumed()) {
			long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
			response.setHeader("Retry-After", String.valueOf(Math.min(seconds, WINDOW.toSeconds())));
			this.errorWriter.write(response, ApiErrors.of(HttpStatus.TOO_MANY_REQUESTS));
			return;
		}
		chain.doFilter(request, response);
	}

	private static String client(HttpServletRequest request) {
		return ApiCaller.current()
			.map((user) -> "user:" + user.id())
			.orElseGet(() -> "address:" + RateLimits.clientKey(request.getRemoteAddr()));
	}

}
