package io.cachet.monitor;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The fields of a monitor to create ({@code componentId}, {@code type} and, but for push,
 * {@code target} required) or to change ({@code null} leaves a field unchanged).
 */
public record SaveMonitor(@Nullable Long componentId, @Nullable MonitorType type, @Nullable String target,
		@Nullable Integer intervalSeconds, @Nullable Integer timeoutSeconds, @Nullable List<Integer> expectedStatus,
		@Nullable String keyword, @Nullable Boolean keywordAbsent, @Nullable Integer latencyThresholdMs,
		@Nullable Map<String, String> headers, @Nullable Boolean followRedirects, @Nullable String expectedAddress,
		@Nullable Integer tlsDays, @Nullable Integer failureThreshold, @Nullable Integer recoveryThreshold,
		@Nullable Boolean autoIncident, @Nullable Long metricId, @Nullable Boolean enabled) {

}
