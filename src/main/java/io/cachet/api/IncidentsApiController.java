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
import io.cachet.incident.IncidentService;
import io.cachet.incident.IncidentView;
import io.cachet.user.AuthenticatedUser;

/**
 * {@code /api/v1/incidents}: Cachet 2.4 routes 14 to 18, plus {@code components} for
 * incidents that affect several components. Guests see visible incidents only.
 */
@RestController
@RequestMapping("/api/v1/incidents")
class IncidentsApiController {

	static final Map<String, FilterType> SEARCHABLE = Map.of("id", FilterType.INTEGER, "user_id", FilterType.INTEGER,
			"component_id", FilterType.INTEGER, "name", FilterType.STRING, "status", FilterType.INTEGER, "visible",
			FilterType.BOOLEAN, "stickied", FilterType.BOOLEAN);

	static final Set<String> SORTABLE = Set.of("id", "user_id", "name", "status", "visible", "stickied", "message",
			"occurred_at");

	private final IncidentService incidents;

	private final ApiTimes times;

	private final PublicUrls urls;

	IncidentsApiController(IncidentService incidents, ApiTimes times, PublicUrls urls) {
		this.incidents = incidents;
		this.times = times;
		this.urls = urls;
	}

	@GetMapping
	ApiList<IncidentResponse> list(HttpServletRequest request) {
		String baseUrl = this.urls.baseUrl();
		var page = this.incidents.findIncidents(ListParams.parse(request, SEARCHABLE, SORTABLE), ApiCaller.isGuest());
		return ApiList.of(page.map((incident) -> IncidentResponse.of(incident, this.times, baseUrl)), request);
	}

	@GetMapping("/{id:\\d+}")
	ApiItem<IncidentResponse> get(@PathVariable long id) {
		return item(this.incidents.getIncident(id, ApiCaller.isGuest()));
	}

	@PostMapping
	ApiItem<IncidentResponse> create(CreateIncidentRequest request) {
		return item(this.incidents
			.createIncident(request.command(ApiCaller.current().map(AuthenticatedUser::id).orElse(null))));
	}

	@PutMapping("/{id:\\d+}")
	ApiItem<IncidentResponse> update(@PathVariable long id, UpdateIncidentRequest request) {
		return item(this.incidents.updateIncident(id, request.command()));
	}

	@DeleteMapping("/{id:\\d+}")
	ResponseEntity<Void> delete(@PathVariable long id) {
		this.incidents.deleteIncident(id);
		return ResponseEntity.noContent().build();
	}

	private ApiItem<IncidentResponse> item(IncidentView incident) {
		return new ApiItem<>(IncidentResponse.of(incident, this.times, this.urls.baseUrl()));
	}

}
