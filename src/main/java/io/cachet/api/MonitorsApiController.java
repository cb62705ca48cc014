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
import io.cachet.monitor.MonitorService;

/**
 * Monitors, our extension to Cachet 2.4's API, for admins' tokens only (reads too:
 * targets can be private, and results tell what answered). Header values are returned
 * only by the create call; elsewhere they read {@code ********}, which an update may send
 * back to keep a value (for the same target host only). {@code POST /api/v1/monitors}
 * takes {@code component_id}, {@code type} ({@code http}, {@code tcp}, {@code dns},
 * {@code tls}, {@code push}), {@code target}, {@code interval}, {@code timeout},
 * {@code expected_status}, {@code keyword}, {@code keyword_absent},
 * {@code latency_threshold} (ms), {@code headers}, {@code follow_redirects},
 * {@code expected_address}, {@code tls_days}, {@code failure_threshold},
 * {@code recovery_threshold}, {@code auto_incident}, {@code metric_id}, {@code enabled}.
 * Push monitors are called at their {@code push_url} ({@code GET} or {@code POST
 * /api/v1/monitors/push/{token}}, no other credential).
 */
@RestController
@RequestMapping("/api/v1/monitors")
class MonitorsApiController {

	private static final Map<String, FilterType> SEARCHABLE = Map.of("id", FilterType.INTEGER, "component_id",
			FilterType.INTEGER, "type", FilterType.STRING, "state", FilterType.STRING);

	private final MonitorService monitors;

	private final ApiTimes times;

	private final PublicUrls urls;

	MonitorsApiController(MonitorService monitors, ApiTimes times, PublicUrls urls) {
		this.monitors = monitors;
		this.times = times;
		this.urls = urls;
	}

	@GetMapping
	ApiList<MonitorResponse> list(HttpServletRequest request) {
		var page = this.monitors.findMonitors(ListParams.parse(request, SEARCHABLE, Set.of("id", "component_id")));
		String base = this.urls.baseUrl();
		return ApiList.of(page.map((monitor) -> MonitorResponse.of(monitor, this.times, base)), request);
	}

	@GetMapping("/{id:\\d+}")
	ApiItem<MonitorResponse> get(@PathVariable long id) {
		return new ApiItem<>(MonitorResponse.of(this.monitors.getMonitor(id), this.times, this.urls.baseUrl()));
	}

	@PostMapping
	ApiItem<MonitorResponse> create(NewMonitorRequest request) {
		return new ApiItem<>(MonitorResponse.created(this.monitors.createMonitor(request.command()), this.times,
				this.urls.baseUrl()));
	}

	@PutMapping("/{id:\\d+}")
	ApiItem<MonitorResponse> update(@PathVariable long id, MonitorRequest request) {
		return new ApiItem<>(MonitorResponse.of(this.monitors.updateMonitor(id, request.command()), this.times,
				this.urls.baseUrl()));
	}

	@DeleteMapping("/{id:\\d+}")
	ResponseEntity<Void> delete(@PathVariable long id) {
		this.monitors.deleteMonitor(id);
		return ResponseEntity.noContent().build();
	}

	/**
	 * The monitor's check results, newest first.
	 */
	@GetMapping("/{id:\\d+}/results")
	ApiList<MonitorResultResponse> results(@PathVariable long id, HttpServletRequest request) {
		var query = ListParams.parse(request, Map.of(), Set.of());
		var page = this.monitors.findResults(id, query.page(), query.perPage());
		return ApiList.of(page.map((result) -> MonitorResultResponse.of(result, this.times)), request);
	}

	/**
	 * A heartbeat of a push monitor: the token in the URL is the credential.
	 */
	@RequestMapping(path = "/push/{token}", method = { org.springframework.web.bind.annotation.RequestMethod.GET,
			org.springframework.web.bind.annotation.RequestMethod.POST })
	ApiItem<Map<String, Object>> push(@PathVariable String token) {
		if (!token.matches("[0-9a-f]{40}") || !this.monitors.recordPush(token)) {
			throw new MonitorPushNotFound();
		}
		return new ApiItem<>(Map.of("received", true));
	}

	/**
	 * An unknown push token: 404 as for any unknown resource.
	 */
	static class MonitorPushNotFound extends io.cachet.shared.NotFoundException {

		MonitorPushNotFound() {
			super("No push monitor with this token");
		}

	}

}
