package io.cachet.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

import io.cachet.incident.IncidentUpdateView;

@JsonPropertyOrder({ "id", "incident_id", "status", "message", "user_id", "created_at", "updated_at", "human_status",
		"permalink" })
record IncidentUpdateResponse(long id, @JsonProperty("incident_id") long incidentId, int status, String message,
		@JsonProperty("user_id") @Nullable Long userId, @JsonProperty("created_at") @Nullable String createdAt,
		@JsonProperty("updated_at") @Nullable String updatedAt, @JsonProperty("human_status") String humanStatus,
		String permalink) {

	static IncidentUpdateResponse of(IncidentUpdateView update, ApiTimes times, String baseUrl) {
		return new IncidentUpdateResponse(update.id(), update.incidentId(), update.status().code(), update.message(),
				update.userId(), times.format(update.createdAt()), times.format(update.updatedAt()),
				update.status().label(), baseUrl + "/incidents/" + update.incidentId() + "#update-" + update.id());
	}

}
