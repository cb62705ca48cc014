package io.cachet.schedule;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The fields of a maintenance window to create (name, status and scheduledAt required) or
 * to change ({@code null} leaves a field unchanged).
 *
 * @param components component id to announced status (0 to 4); when not {@code null},
 * replaces the affected components
 */
public record SaveSchedule(@Nullable String name, @Nullable String message, @Nullable ScheduleStatus status,
		@Nullable Instant scheduledAt, @Nullable Instant completedAt, @Nullable Map<Long, Integer> components) {

}
