package io.cachet.statuspage;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import io.cachet.metric.MetricChart;
import io.cachet.metric.MetricView;

/**
 * Cachet's {@code /metrics/{id}?filter=}: a chart's buckets as
 * {@code {"data":{"metric":{...},"items":{"yyyy-MM-dd HH:mm": value}}}}.
 */
record MetricData(Data data) {

	static MetricData of(MetricChart chart) {
		Map<String, BigDecimal> items = new LinkedHashMap<>();
		chart.buckets().forEach((bucket) -> items.put(bucket.key(), bucket.value()));
		return new MetricData(new Data(Metric.of(chart.metric()), items));
	}

	/**
	 * @param items each bucket's value by its key, oldest first
	 */
	record Data(Metric metric, Map<String, BigDecimal> items) {
	}

	/**
	 * The metric's settings, named as in Cachet's {@code metrics} table.
	 */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record Metric(long id, String name, String suffix, @Nullable String description, BigDecimal defaultValue,
			int calcType, boolean displayChart, int places, int defaultView, int threshold, int order, int visible) {

		static Metric of(MetricView metric) {
			return new Metric(metric.id(), metric.name(), metric.suffix(), metric.description(), metric.defaultValue(),
					metric.calcType(), metric.displayChart(), metric.places(), metric.defaultView(), metric.threshold(),
					metric.order(), metric.visible());
		}

	}

}
