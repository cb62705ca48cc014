package io.cachet.api;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import io.cachet.metric.SaveMetric;

/**
 * {@code PUT /api/v1/metrics/{id}}: a field that is absent or {@code null} is left as it
 * is; the fields are those of {@link CreateMetricRequest}.
 */
@ApiRequest
record UpdateMetricRequest(@Filled @Nullable String name, @Filled @Nullable String suffix, @Nullable String description,
		@JsonProperty("default_value") @Below(MetricLimits.DEFAULT_VALUE) @Nullable BigDecimal defaultValue,
		@JsonProperty("calc_type") @Min(0) @Max(1) @Nullable Integer calcType,
		@JsonProperty("display_chart") @Nullable Boolean displayChart, @Min(0) @Max(4) @Nullable Integer places,
		@JsonProperty("default_view") @Min(0) @Max(3) @Nullable Integer defaultView,
		@Min(0) @Max(3) @Nullable Integer view, @Min(1) @Max(60) @Nullable Integer threshold, @Nullable Integer order,
		@Min(0) @Max(2) @Nullable Integer visible) {

	SaveMetric command() {
		return new SaveMetric(this.name, this.suffix, this.description, this.defaultValue, this.calcType,
				this.displayChart, this.places, (this.defaultView != null) ? this.defaultView : this.view,
				this.threshold, this.order, this.visible);
	}

}
