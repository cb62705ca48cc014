package io.cachet.incident;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

public record IncidentUpdateView(long id, long incidentId, IncidentStatus status, String message, @Nullable Long userId,
		Instant createdAt, Instant updatedAt) {

}
