package io.cachet.schedule;

/**
 * A maintenance window was announced.
 *
 * @param notifySubscribers whether subscribers are to be told (the API's and the form's
 * {@code notify})
 * @param silent the write reaches nobody, not even webhooks
 * ({@link io.cachet.shared.WriteMode#SILENT})
 */
public record MaintenanceScheduled(long scheduleId, boolean notifySubscribers, boolean silent) {

}
