package io.cachet.monitor;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One check.
 *
 * @param outcome up, degraded or down
 * @param message why it failed, or a short note
 */
public record MonitorResultView(long id, long monitorId, Instant checkedAt, String outcome, @Nullable Integer latencyMs,
		@Nullable Integer statusCode, @Nullable String message) {

}
