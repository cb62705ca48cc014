package io.cachet.api;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

import io.cachet.incident.IncidentUpdateView;
import io.cachet.incident.IncidentView;

/**
 * An incident in Cachet 2.4's shape, plus {@code components}: every affected component
 * with the status the incident gave it.
 */
@JsonPropertyOrder({ "id", "user_id", "component_id", "name", "status", "visible", "stickied", "notifications",
		"message", "occurred_at", "created_at", "updated_at", "deleted_at", "is_resolved", "meta", "updates",
		"human_status", "latest_update_id", "latest_status", "latest_human_status", "latest_icon", "permalink",
		"duration", "components" })
record IncidentResponse(long id, @JsonProperty("user_id") @Nullable Long userId,
		@JsonProperty("component_id") long componentId, String name, int status, boolean visible, boolean stickied,
		boolean notifications, String message, @JsonProperty("occurred_at") @Nullable String occurredAt,
		@JsonProperty("created_at") @Nullable String createdAt, @JsonProperty("updated_at") @Nullable String updatedAt,
		@JsonProperty("deleted_at") @Nullable String deletedAt, @JsonProperty("is_resolved") boolean isResolved,
		Map<String, Object> meta, List<IncidentUpdateResponse> updates,
		@JsonProperty("human_status") String humanStatus,
		@JsonProperty("latest_update_id") @Nullable Long latestUpdateId,
		@JsonProperty("latest_status") int latestStatus, @JsonProperty("latest_human_status") String latestHumanStatus,
		@JsonProperty("latest_icon") String latestIcon, String permalink, long duration,
		List<AffectedComponentResponse> components) {

	static IncidentResponse of(IncidentView incident, ApiTimes times, String baseUrl) {
		IncidentUpdateView latest = incident.latestUpdate();
		return new IncidentResponse(incident.id(), incident.userId(), incident.componentId(), incident.name(),
				incident.status().code(), incident.visible(), incident.stickied(), incident.notifications(),
				incident.message(), times.format(incident.occurredAt()), times.format(incident.createdAt()),
				times.format(incident.updatedAt()), times.format(incident.deletedAt()), incident.isResolved(),
				incident.meta(),
				incident.updates().stream().map((update) -> IncidentUpdateResponse.of(update, times, baseUrl)).toList(),
				incident.status().label(), (latest != null) ? latest.id() : null, incident.latestStatus().code(),
				incident.latestStatus().label(), incident.latestStatus().icon(),
				baseUrl + "/incidents/" + incident.id(), Math.max(0, incident.duration().toSeconds()),
				incident.components()
					.stream()
					.map((component) -> new AffectedComponentResponse(component.componentId(),
							component.status().code()))
					.toList());
	}

	record AffectedComponentResponse(long id, int status) {

	}

}
