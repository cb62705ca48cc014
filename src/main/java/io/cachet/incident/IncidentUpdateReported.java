package io.cachet.incident;

/**
 * An update was posted on an incident; subscribers hear of it.
 */
public record IncidentUpdateReported(long incidentId, long updateId, IncidentStatus status, boolean visible) {

}
