package io.cachet.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /api/v1/incidents/{incident}/updates}: the incident's new status and what
 * is known.
 */
@ApiRequest
record IncidentUpdateRequest(@NotNull @Min(1) @Max(4) @Nullable Integer status, @NotBlank @Nullable String message) {

}
