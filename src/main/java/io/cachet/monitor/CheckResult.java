package io.cachet.monitor;

import org.jspecify.annotations.Nullable;

/**
 * What one check found.
 *
 * @param state {@code UP}, {@code DEGRADED} (slower than the latency threshold) or
 * {@code DOWN}
 */
record CheckResult(MonitorState state, @Nullable Integer latencyMs, @Nullable Integer statusCode,
		@Nullable String message) {

	static CheckResult down(@Nullable Integer latencyMs, @Nullable Integer statusCode, String message) {
		return new CheckResult(MonitorState.DOWN, latencyMs, statusCode, message);
	}

	/**
	 * @return up, or degraded when slower than the threshold
	 */
	static CheckResult reached(int latencyMs, @Nullable Integer statusCode, @Nullable Integer latencyThresholdMs,
			@Nullable String message) {
		boolean slow = latencyThresholdMs != null && latencyMs > latencyThresholdMs;
		return new CheckResult(slow ? MonitorState.DEGRADED : MonitorState.UP, latencyMs, statusCode,
				slow ? "Slower than " + latencyThresholdMs + " ms" : message);
	}

}
