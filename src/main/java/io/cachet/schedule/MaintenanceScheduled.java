package io.cachet.schedule;

/**
 * A maintenance window was announced.
 *
 * @param notifySubscribers whether subscribers are to be told (the API's and the form's
 * {@code notify})
 */
public record MaintenanceScheduled(long scheduleId, boolean notifySubscribers) {

}
