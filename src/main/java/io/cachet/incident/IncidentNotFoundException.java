package io.cachet.incident;

import io.cachet.shared.NotFoundException;

public class IncidentNotFoundException extends NotFoundException {

	private IncidentNotFoundException(String message) {
		super(message);
	}

	public static IncidentNotFoundException forId(long id) {
		return new IncidentNotFoundException("No incident with id " + id);
	}

	public static IncidentNotFoundException forUpdate(long incidentId, long updateId) {
		return new IncidentNotFoundException("No update " + updateId + " of incident " + incidentId);
	}

	public static IncidentNotFoundException forTemplate(long id) {
		return new IncidentNotFoundException("No incident template with id " + id);
	}

}
