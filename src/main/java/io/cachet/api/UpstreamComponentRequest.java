package io.cachet.api;

import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/**
 * {@code PUT /api/v1/upstreams/{id}/components/{componentId}}: whether the mirrored
 * component is hidden from the status page.
 */
@ApiRequest
record UpstreamComponentRequest(@NotNull @Nullable Boolean hidden) {

}
