package io.cachet.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.cachet.api.ListParams.FilterType;
import io.cachet.metric.MetricService;
import io.cachet.metric.SaveMetric;

/**
 * {@code /api/v1/metrics} and their points: Cachet 2.4 routes 26 to 34. As in Cachet, the
 * list shows every metric whatever its visibility.
 */
@RestController
@RequestMapping("/api/v1/metrics")
class MetricsApiController {

	static final Map<String, FilterType> SEARCHABLE = Map.of("id", FilterType.INTEGER, "name", FilterType.STRING,
			"display_chart", FilterType.BOOLEAN, "calc_type", FilterType.INTEGER, "order", FilterType.INTEGER,
			"visible", FilterType.INTEGER);

	static final Set<String> SORTABLE = Set.of("id", "name", "display_chart", "default_value", "calc_type", "order",
			"visible");

	private static final BigDecimal MAX_DEFAULT_VALUE = MetricService.MAX_DEFAULT_VALUE;

	private static final BigDecimal MAX_POINT_VALUE = MetricService.MAX_POINT_VALUE;

	private final MetricService metrics;

	private final ApiTimes times;

	MetricsApiController(MetricService metrics, ApiTimes times) {
		this.metrics = metrics;
		this.times = times;
	}

	@GetMapping
	ApiList<MetricResponse> list(HttpServletRequest request) {
		var page = this.metrics.findMetrics(ListParams.parse(request, SEARCHABLE, SORTABLE));
		return ApiList.of(page.map((metric) -> MetricResponse.of(metric, this.times)), request);
	}

	@GetMapping("/{id:\\d+}")
	ApiItem<MetricResponse> get(@PathVariable long id) {
		return new ApiItem<>(MetricResponse.of(this.metrics.getMetric(id), this.times));
	}

	@PostMapping
	ApiItem<MetricResponse> create(ApiFields fields) {
		String name = fields.requiredString("name");
		String suffix = fields.requiredString("suffix");
		if (!fields.has("default_value")) {
			fields.required("default_value");
		}
		SaveMetric command = read(fields, name, suffix);
		fields.validate();
		return new ApiItem<>(MetricResponse.of(this.metrics.createMetric(command), this.times));
	}

	@PutMapping("/{id:\\d+}")
	ApiItem<MetricResponse> update(@PathVariable long id, ApiFields fields) {
		String name = fields.has("name") ? fields.requiredString("name") : null;
		String suffix = fields.has("suffix") ? fields.requiredString("suffix") : null;
		SaveMetric command = read(fields, name, suffix);
		fields.validate();
		return new ApiItem<>(MetricResponse.of(this.metrics.updateMetric(id, command), this.times));
	}

	@DeleteMapping("/{id:\\d+}")
	ResponseEntity<Void> delete(@PathVariable long id) {
		this.metrics.deleteMetric(id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id:\\d+}/points")
	ApiList<MetricResponse.Point> points(@PathVariable long id, HttpServletRequest request) {
		var page = this.metrics.findPoints(id,
				ListParams.parse(request, Map.of(), Set.of("id", "value", "counter", "created_at")));
		return ApiList.of(page.map((point) -> MetricResponse.Point.of(point, this.times)), request);
	}

	@GetMapping("/{id:\\d+}/points/{point:\\d+}")
	ApiItem<MetricResponse.Point> point(@PathVariable long id, @PathVariable long point) {
		return new ApiItem<>(MetricResponse.Point.of(this.metrics.getPoint(id, point), this.times));
	}

	@PostMapping("/{id:\\d+}/points")
	ApiItem<MetricResponse.Point> addPoint(@PathVariable long id, ApiFields fields) {
		if (!fields.has("value")) {
			fields.required("value");
		}
		BigDecimal value = bounded(fields, "value", MAX_POINT_VALUE);
		Instant at = timestamp(fields);
		fields.validate();
		return new ApiItem<>(MetricResponse.Point.of(this.metrics.addPoint(id, value, at), this.times));
	}

	@PutMapping("/{id:\\d+}/points/{point:\\d+}")
	ApiItem<MetricResponse.Point> updatePoint(@PathVariable long id, @PathVariable long point, ApiFields fields) {
		BigDecimal value = bounded(fields, "value", MAX_POINT_VALUE);
		Instant at = timestamp(fields);
		fields.validate();
		return new ApiItem<>(MetricResponse.Point.of(this.metrics.updatePoint(id, point, value, at), this.times));
	}

	@DeleteMapping("/{id:\\d+}/points/{point:\\d+}")
	ResponseEntity<Void> deletePoint(@PathVariable long id, @PathVariable long point) {
		this.metrics.deletePoint(id, point);
		return ResponseEntity.noContent().build();
	}

	private static SaveMetric read(ApiFields fields, @Nullable String name, @Nullable String suffix) {
		String description = fields.string("description");
		BigDecimal defaultValue = bounded(fields, "default_value", MAX_DEFAULT_VALUE);
		Integer calcType = fields.integer("calc_type", 0, 1);
		Boolean displayChart = fields.bool("display_chart");
		Integer places = fields.integer("places", 0, 4);
		Integer defaultView = fields.has("default_view") ? fields.integer("default_view", 0, 3)
				: fields.integer("view", 0, 3);
		Integer threshold = fields.integer("threshold", 1, 60);
		Integer order = fields.integer("order");
		Integer visible = fields.integer("visible", 0, 2);
		return new SaveMetric(name, suffix, description, defaultValue, calcType, displayChart, places, defaultView,
				threshold, order, visible);
	}

	private static @Nullable BigDecimal bounded(ApiFields fields, String name, BigDecimal limit) {
		BigDecimal value = fields.number(name);
		if (value != null && value.abs().compareTo(limit) >= 0) {
			fields.error("The " + ApiFields.attribute(name) + " must be less than " + limit.toPlainString() + ".");
			return null;
		}
		return value;
	}

	/**
	 * Cachet's {@code timestamp}: Unix seconds.
	 */
	private static @Nullable Instant timestamp(ApiFields fields) {
		BigDecimal seconds = fields.number("timestamp");
		if (seconds == null) {
			return null;
		}
		if (seconds.signum() < 0 || seconds.compareTo(BigDecimal.valueOf(253402300799L)) > 0) {
			fields.error("The timestamp must be a Unix time in seconds.");
			return null;
		}
		return Instant.ofEpochSecond(seconds.longValue());
	}

}
