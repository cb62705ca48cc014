package io.cachet.api;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

import io.cachet.schedule.SaveSchedule;
import io.cachet.schedule.ScheduleStatus;

/**
 * {@code POST /api/v1/schedules}: a maintenance; {@code notify} e-mails its subscribers.
 */
@ApiRequest
record CreateScheduleRequest(@NotBlank @Nullable String name, @NotNull @Min(0) @Max(2) @Nullable Integer status,
		@Nullable String message, @JsonProperty("scheduled_at") @NotNull @Nullable Instant scheduledAt,
		@JsonProperty("completed_at") @Nullable Instant completedAt,
		@JsonProperty("notify") @Nullable Boolean notifySubscribers,
		@JsonDeserialize(using = ScheduleComponents.class) @Nullable Map<Long, Integer> components) {

	SaveSchedule command() {
		return new SaveSchedule(this.name, this.message, (this.status != null) ? ScheduleStatus.of(this.status) : null,
				this.scheduledAt, this.completedAt, this.components);
	}

	boolean notifies() {
		return Boolean.TRUE.equals(this.notifySubscribers);
	}

}
