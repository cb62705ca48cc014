package io.cachet.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

/**
 * {@code PUT /api/v1/incidents/{incident}/updates/{update}}: a field that is absent or
 * {@code null} is left as it is.
 */
@ApiRequest
record ChangeIncidentUpdateRequest(@Min(1) @Max(4) @Nullable Integer status, @Filled @Nullable String message) {

}
