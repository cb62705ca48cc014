package io.cachet.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /api/v1/incidents/templates}: a Twig-style template; the slug is derived
 * from the name when absent.
 */
@ApiRequest
record IncidentTemplateRequest(@NotBlank @Size(max = 255) @Nullable String name, @Size(max = 255) @Nullable String slug,
		@NotBlank @Nullable String template) {

}
