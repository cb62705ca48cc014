package io.cachet.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.cachet.component.ComponentService;
import io.cachet.component.ComponentStatus;
import io.cachet.component.ComponentView;
import io.cachet.incident.IncidentService;
import io.cachet.settings.SettingsService;
import io.cachet.shared.ListQuery;
import io.cachet.component.OverallStatus;

/**
 * {@code GET /api/v1/status}: the overall status banner, Cachet 2.4 route 3. Cachet sends
 * {@code max-age=<now + 30>} (a timestamp where seconds belong); this sends 30 seconds.
 */
@RestController
class StatusApiController {

	private final ComponentService components;

	private final IncidentService incidents;

	private final SettingsService settings;

	StatusApiController(ComponentService components, IncidentService incidents, SettingsService settings) {
		this.components = components;
		this.incidents = incidents;
		this.settings = settings;
	}

	@GetMapping("/api/v1/status")
	ResponseEntity<ApiItem<StatusResponse>> status() {
		boolean guest = ApiCaller.isGuest();
		List<ComponentStatus> enabled = this.components
			.findComponents(new ListQuery(Map.of("enabled", true), null, false, 1, Integer.MAX_VALUE), List.of(), guest)
			.items()
			.stream()
			.map(ComponentView::status)
			.toList();
		OverallStatus status = OverallStatus.of(enabled, this.settings.site().majorOutageRate(),
				this.incidents.countUnresolved(guest));
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(Duration.ofSeconds(30)).cachePublic())
			.body(new ApiItem<>(new StatusResponse(status.level(), status.message())));
	}

	record StatusResponse(String status, String message) {

	}

}
