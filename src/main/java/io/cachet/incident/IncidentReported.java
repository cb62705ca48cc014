package io.cachet.incident;

/**
 * An incident was opened. The notification module tells subscribers when {@code notify}
 * is set and the incident is visible.
 *
 * @param silent the write reaches nobody, not even webhooks
 * ({@link io.cachet.shared.WriteMode#SILENT})
 */
public record IncidentReported(long incidentId, String name, IncidentStatus status, boolean visible,
		boolean notifySubscribers, java.util.List<Long> componentIds, boolean silent) {

}
