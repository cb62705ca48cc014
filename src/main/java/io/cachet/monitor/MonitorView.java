package io.cachet.monitor;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A monitor and where it stands.
 *
 * @param expectedStatus accepted HTTP status codes; empty means any 2xx
 * @param keywordAbsent whether the keyword must not appear (rather than must)
 * @param latencyThresholdMs slower answers count as performance issues
 * @param expectedAddress for DNS, an address the name must resolve to
 * @param tlsDays for TLS, fewer days left on the certificate is a failure
 * @param pushToken for push monitors, the secret in the URL the monitored system calls
 * @param headers the request headers of HTTP checks, values in full: for the checks only;
 * people see {@link #redactedHeaders()}
 * @param metricId a metric each check's response time is added to
 */
public record MonitorView(long id, long componentId, MonitorType type, String target, int intervalSeconds,
		int timeoutSeconds, List<Integer> expectedStatus, @Nullable String keyword, boolean keywordAbsent,
		@Nullable Integer latencyThresholdMs, Map<String, String> headers, boolean followRedirects,
		@Nullable String expectedAddress, @Nullable Integer tlsDays, @Nullable String pushToken, int failureThreshold,
		int recoveryThreshold, boolean autoIncident, @Nullable Long metricId, boolean enabled, MonitorState state,
		int consecutiveFailures, int consecutiveSuccesses, @Nullable Instant lastCheckedAt,
		@Nullable Instant lastPushAt, @Nullable Long openIncidentId, Instant createdAt, Instant updatedAt) {

	/**
	 * What stands for a header's value wherever headers are shown after a monitor's
	 * creation; sent back in an update, it keeps that header's value.
	 */
	public static final String HIDDEN_VALUE = "********";

	/**
	 * @return the header names, each with {@link #HIDDEN_VALUE} for its value (a value
	 * such as {@code Authorization}'s is a credential)
	 */
	public Map<String, String> redactedHeaders() {
		Map<String, String> redacted = new LinkedHashMap<>();
		this.headers.keySet().forEach((name) -> redacted.put(name, HIDDEN_VALUE));
		return redacted;
	}

}
