package io.cachet.schedule;

import java.time.Instant;

/**
 * A component a maintenance window affects, with the status it announces for it.
 */
public record ScheduleComponentView(long id, long scheduleId, long componentId, int componentStatus, Instant createdAt,
		Instant updatedAt) {

}
