package io.cachet.incident;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

public record IncidentTemplateView(long id, String name, String slug, String template, Instant createdAt,
		Instant updatedAt, @Nullable Instant deletedAt) {

}
