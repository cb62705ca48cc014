package io.cachet.api;

import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

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
	ApiItem<MetricResponse> create(CreateMetricRequest request) {
		return new ApiItem<>(MetricResponse.of(this.metrics.createMetric(request.command()), this.times));
	}

	@PutMapping("/{id:\\d+}")
	ApiItem<MetricResponse> update(@PathVariable long id, UpdateMetricRequest request) {
		return new ApiItem<>(MetricResponse.of(this.metrics.updateMetric(id, request.command()), this.times));
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
	@SuppressWarnings("NullAway")
	ApiItem<MetricResponse.Point> addPoint(@PathVariable long id, NewMetricPointRequest request) {
		return new ApiItem<>(
				MetricResponse.Point.of(this.metrics.addPoint(id, request.value(), request.point().at()), this.times));
	}

	@PutMapping("/{id:\\d+}/points/{point:\\d+}")
	ApiItem<MetricResponse.Point> updatePoint(@PathVariable long id, @PathVariable long point,
			MetricPointRequest request) {
		return new ApiItem<>(MetricResponse.Point.of(this.metrics.updatePoint(id, point, request.value(), request.at()),
				this.times));
	}

	@DeleteMapping("/{id:\\d+}/points/{point:\\d+}")
	ResponseEntity<Void> deletePoint(@PathVariable long id, @PathVariable long point) {
		this.metrics.deletePoint(id, point);
		return ResponseEntity.noContent().build();
	}

}
