package io.cachet.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

import io.cachet.metric.MetricPointView;
import io.cachet.metric.MetricView;

@JsonPropertyOrder({ "id", "name", "suffix", "description", "default_value", "calc_type", "display_chart", "places",
		"default_view", "threshold", "order", "visible", "created_at", "updated_at", "default_view_name" })
record MetricResponse(long id, String name, String suffix, @Nullable String description,
		@JsonProperty("default_value") double defaultValue, @JsonProperty("calc_type") int calcType,
		@JsonProperty("display_chart") boolean displayChart, int places, @JsonProperty("default_view") int defaultView,
		int threshold, int order, int visible, @JsonProperty("created_at") @Nullable String createdAt,
		@JsonProperty("updated_at") @Nullable String updatedAt,
		@JsonProperty("default_view_name") String defaultViewName) {

	static MetricResponse of(MetricView metric, ApiTimes times) {
		return new MetricResponse(metric.id(), metric.name(), metric.suffix(), metric.description(),
				metric.defaultValue().doubleValue(), metric.calcType(), metric.displayChart(), metric.places(),
				metric.defaultView(), metric.threshold(), metric.order(), metric.visible(),
				times.format(metric.createdAt()), times.format(metric.updatedAt()), metric.defaultViewName());
	}

	@JsonPropertyOrder({ "id", "metric_id", "value", "counter", "created_at", "updated_at", "calculated_value" })
	record Point(long id, @JsonProperty("metric_id") long metricId, double value, int counter,
			@JsonProperty("created_at") @Nullable String createdAt,
			@JsonProperty("updated_at") @Nullable String updatedAt,
			@JsonProperty("calculated_value") double calculatedValue) {

		static Point of(MetricPointView point, ApiTimes times) {
			return new Point(point.id(), point.metricId(), point.value().doubleValue(), point.counter(),
					times.format(point.createdAt()), times.format(point.updatedAt()),
					point.calculatedValue().doubleValue());
		}

	}

}
