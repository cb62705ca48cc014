package io.cachet.incident;

/**
 * An update was posted on an incident; subscribers hear of it.
 *
 * @param silent the write reaches nobody ({@link io.cachet.shared.WriteMode#SILENT})
 */
public record IncidentUpdateReported(long incidentId, long updateId, IncidentStatus status, boolean visible,
		boolean silent) {

}
