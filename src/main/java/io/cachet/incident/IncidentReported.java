package io.cachet.incident;

/**
 * An incident was opened. The notification module tells subscribers when {@code notify}
 * is set and the incident is visible.
 */
public record IncidentReported(long incidentId, String name, IncidentStatus status, boolean visible,
		boolean notifySubscribers, java.util.List<Long> componentIds) {

}
