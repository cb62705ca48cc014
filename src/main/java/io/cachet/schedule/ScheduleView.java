package io.cachet.schedule;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

public record ScheduleView(long id, String name, @Nullable String message, ScheduleStatus status, Instant scheduledAt,
		@Nullable Instant completedAt, Instant createdAt, Instant updatedAt, @Nullable Instant deletedAt,
		List<ScheduleComponentView> components) {

}
