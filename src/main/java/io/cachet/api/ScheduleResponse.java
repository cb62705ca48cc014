package io.cachet.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

import io.cachet.schedule.ScheduleComponentView;
import io.cachet.schedule.ScheduleView;

@JsonPropertyOrder({ "id", "name", "message", "status", "scheduled_at", "completed_at", "created_at", "updated_at",
		"deleted_at", "components", "human_status" })
record ScheduleResponse(long id, String name, @Nullable String message, int status,
		@JsonProperty("scheduled_at") @Nullable String scheduledAt,
		@JsonProperty("completed_at") @Nullable String completedAt,
		@JsonProperty("created_at") @Nullable String createdAt, @JsonProperty("updated_at") @Nullable String updatedAt,
		@JsonProperty("deleted_at") @Nullable String deletedAt, List<Component> components,
		@JsonProperty("human_status") String humanStatus) {

	static ScheduleResponse of(ScheduleView schedule, ApiTimes times) {
		return new ScheduleResponse(schedule.id(), schedule.name(), schedule.message(), schedule.status().code(),
				times.format(schedule.scheduledAt()), times.format(schedule.completedAt()),
				times.format(schedule.createdAt()), times.format(schedule.updatedAt()),
				times.format(schedule.deletedAt()),
				schedule.components().stream().map((component) -> Component.of(component, times)).toList(),
				schedule.status().label());
	}

	@JsonPropertyOrder({ "id", "schedule_id", "component_id", "component_status", "created_at", "updated_at" })
	record Component(long id, @JsonProperty("schedule_id") long scheduleId,
			@JsonProperty("component_id") long componentId, @JsonProperty("component_status") int componentStatus,
			@JsonProperty("created_at") @Nullable String createdAt,
			@JsonProperty("updated_at") @Nullable String updatedAt) {

		static Component of(ScheduleComponentView component, ApiTimes times) {
			return new Component(component.id(), component.scheduleId(), component.componentId(),
					component.componentStatus(), times.format(component.createdAt()),
					times.format(component.updatedAt()));
		}

	}

}
