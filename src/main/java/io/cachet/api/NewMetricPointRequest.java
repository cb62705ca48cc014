package io.cachet.api;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /api/v1/metrics/{id}/points}: a value, at {@code timestamp} (Unix seconds)
 * or now.
 */
@ApiRequest
record NewMetricPointRequest(@NotNull @Below(MetricLimits.POINT_VALUE) @Nullable BigDecimal value,
		@DecimalMin(value = "0", message = "The :attribute must be a Unix time in seconds.") @DecimalMax(
				value = "253402300799",
				message = "The :attribute must be a Unix time in seconds.") @Nullable BigDecimal timestamp) {

	MetricPointRequest point() {
		return new MetricPointRequest(this.value, this.timestamp);
	}

}
