package io.cachet.api;

import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * {@code PUT /api/v1/incidents/templates/{id}}: a field that is absent or {@code null} is
 * left as it is.
 */
@ApiRequest
record ChangeIncidentTemplateRequest(@Filled @Size(max = 255) @Nullable String name,
		@Size(max = 255) @Nullable String slug, @Filled @Nullable String template) {

}
