package io.cachet.api;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST} and {@code PUT /api/v1/metrics/{id}/points}: a value, at {@code timestamp}
 * (Unix seconds) or now. The value is required when a point is added.
 */
@ApiRequest
record MetricPointRequest(@Below(MetricLimits.POINT_VALUE) @Nullable BigDecimal value,
		@DecimalMin(value = "0", message = "The :attribute must be a Unix time in seconds.") @DecimalMax(
				value = "253402300799",
				message = "The :attribute must be a Unix time in seconds.") @Nullable BigDecimal timestamp) {

	@Nullable Instant at() {
		return (this.timestamp != null) ? Instant.ofEpochSecond(this.timestamp.longValue()) : null;
	}

}
