package io.cachet.schedule;

/**
 * Someone moved a maintenance window to another status by hand (started it early,
 * completed it). Windows that start and end by the clock are noticed by whoever watches
 * {@link ScheduleService#findStartingOrEndingBetween}.
 */
public record MaintenanceStatusChanged(long scheduleId, ScheduleStatus from, ScheduleStatus to) {

}
