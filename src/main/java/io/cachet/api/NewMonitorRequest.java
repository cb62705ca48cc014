package io.cachet.api;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

import io.cachet.monitor.MonitorType;
import io.cachet.monitor.SaveMonitor;

/**
 * {@code POST /api/v1/monitors}: what to check ({@code type}: http, tcp, dns, tls or
 * push; {@code target}) for which component; the fields of {@link MonitorRequest}.
 */
@ApiRequest
record NewMonitorRequest(@JsonProperty("component_id") @NotNull @Nullable Long componentId,
		@NotNull @Nullable String type, @Size(max = 2048) @Nullable String target, @Nullable Integer interval,
		@Nullable Integer timeout,
		@JsonProperty("expected_status") @JsonDeserialize(
				using = ExpectedStatus.class) @Nullable List<Integer> expectedStatus,
		@Size(max = 1000) @Nullable String keyword, @JsonProperty("keyword_absent") @Nullable Boolean keywordAbsent,
		@JsonProperty("latency_threshold") @Nullable Integer latencyThreshold,
		@JsonDeserialize(using = MonitorHeaders.class) @Nullable Map<String, String> headers,
		@JsonProperty("follow_redirects") @Nullable Boolean followRedirects,
		@JsonProperty("expected_address") @Size(max = 255) @Nullable String expectedAddress,
		@JsonProperty("tls_days") @Nullable Integer tlsDays,
		@JsonProperty("failure_threshold") @Nullable Integer failureThreshold,
		@JsonProperty("recovery_threshold") @Nullable Integer recoveryThreshold,
		@JsonProperty("auto_incident") @Nullable Boolean autoIncident,
		@JsonProperty("metric_id") @Nullable Long metricId, @Nullable Boolean enabled) {

	@JsonIgnore
	@AssertTrue(message = "The selected type is invalid (http, tcp, dns, tls or push).")
	boolean isTypeKnown() {
		return this.type == null || MonitorType.fromValue(this.type).isPresent();
	}

	SaveMonitor command() {
		return new MonitorRequest(this.componentId, this.type, this.target, this.interval, this.timeout,
				this.expectedStatus, this.keyword, this.keywordAbsent, this.latencyThreshold, this.headers,
				this.followRedirects, this.expectedAddress, this.tlsDays, this.failureThreshold, this.recoveryThreshold,
				this.autoIncident, this.metricId, this.enabled)
			.command();
	}

}
