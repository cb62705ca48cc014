package io.cachet.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import io.cachet.monitor.MonitorResultView;

record MonitorResultResponse(long id, @JsonProperty("monitor_id") long monitorId,
		@JsonProperty("checked_at") @Nullable String checkedAt, String outcome, @Nullable Integer latency,
		@JsonProperty("status_code") @Nullable Integer statusCode, @Nullable String message) {

	static MonitorResultResponse of(MonitorResultView result, ApiTimes times) {
		return new MonitorResultResponse(result.id(), result.monitorId(), times.format(result.checkedAt()),
				result.outcome(), result.latencyMs(), result.statusCode(), result.message());
	}

}
