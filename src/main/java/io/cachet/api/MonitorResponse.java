package io.cachet.api;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import io.cachet.monitor.MonitorView;

/**
 * A monitor as {@code /api/v1/monitors} shows it (our extension).
 *
 * @param headers the request headers: their values in full only in the answer to the
 * create call, elsewhere each value is {@link MonitorView#HIDDEN_VALUE} (sent back
 * unchanged in an update, it keeps the value)
 * @param pushUrl for push monitors, the address the monitored system calls
 */
record MonitorResponse(long id, @JsonProperty("component_id") long componentId, String type, String target,
		int interval, int timeout, @JsonProperty("expected_status") List<Integer> expectedStatus,
		@Nullable String keyword, @JsonProperty("keyword_absent") boolean keywordAbsent,
		@JsonProperty("latency_threshold") @Nullable Integer latencyThreshold, Map<String, String> headers,
		@JsonProperty("follow_redirects") boolean followRedirects,
		@JsonProperty("expected_address") @Nullable String expectedAddress,
		@JsonProperty("tls_days") @Nullable Integer tlsDays, @JsonProperty("push_url") @Nullable String pushUrl,
		@JsonProperty("failure_threshold") int failureThreshold,
		@JsonProperty("recovery_threshold") int recoveryThreshold, @JsonProperty("auto_incident") boolean autoIncident,
		@JsonProperty("metric_id") @Nullable Long metricId, boolean enabled, String state,
		@JsonProperty("last_checked_at") @Nullable String lastCheckedAt,
		@JsonProperty("created_at") @Nullable String createdAt,
		@JsonProperty("updated_at") @Nullable String updatedAt) {

	static MonitorResponse created(MonitorView monitor, ApiTimes times, String baseUrl) {
		return of(monitor, monitor.headers(), times, baseUrl);
	}

	static MonitorResponse of(MonitorView monitor, ApiTimes times, String baseUrl) {
		return of(monitor, monitor.redactedHeaders(), times, baseUrl);
	}

	private static MonitorResponse of(MonitorView monitor, Map<String, String> headers, ApiTimes times,
			String baseUrl) {
		return new MonitorResponse(monitor.id(), monitor.componentId(), monitor.type().value(), monitor.target(),
				monitor.intervalSeconds(), monitor.timeoutSeconds(), monitor.expectedStatus(), monitor.keyword(),
				monitor.keywordAbsent(), monitor.latencyThresholdMs(), headers, monitor.followRedirects(),
				monitor.expectedAddress(), monitor.tlsDays(),
				(monitor.pushToken() != null) ? baseUrl + "/api/v1/monitors/push/" + monitor.pushToken() : null,
				monitor.failureThreshold(), monitor.recoveryThreshold(), monitor.autoIncident(), monitor.metricId(),
				monitor.enabled(), monitor.state().value(), times.format(monitor.lastCheckedAt()),
				times.format(monitor.createdAt()), times.format(monitor.updatedAt()));
	}

}
