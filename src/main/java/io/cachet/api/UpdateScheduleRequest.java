package io.cachet.api;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

import io.cachet.schedule.SaveSchedule;
import io.cachet.schedule.ScheduleStatus;

/**
 * {@code PUT /api/v1/schedules/{id}}: a field that is absent or {@code null} is left as
 * it is. {@code notify} is read (and checked) but a change notifies nobody.
 */
@ApiRequest
record UpdateScheduleRequest(@Filled @Nullable String name, @Min(0) @Max(2) @Nullable Integer status,
		@Nullable String message, @JsonProperty("scheduled_at") @Nullable Instant scheduledAt,
		@JsonProperty("completed_at") @Nullable Instant completedAt,
		@JsonProperty("notify") @Nullable Boolean notifySubscribers,
		@JsonDeserialize(using = ScheduleComponents.class) @Nullable Map<Long, Integer> components) {

	SaveSchedule command() {
		return new SaveSchedule(this.name, this.message, (this.status != null) ? ScheduleStatus.of(this.status) : null,
				this.scheduledAt, this.completedAt, this.components);
	}

}
