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
import io.cachet.incident.IncidentStatus;
import io.cachet.incident.IncidentUpdateView;
import io.cachet.user.AuthenticatedUser;

/**
 * {@code /api/v1/incidents/{incident}/updates}: Cachet 2.4 routes 21 to 25. Posting an
 * update sets the incident's status.
 */
@RestController
@RequestMapping("/api/v1/incidents/{incident:\\d+}/updates")
class IncidentUpdatesApiController {

	static final Map<String, FilterType> SEARCHABLE = Map.of("id", FilterType.INTEGER, "status", FilterType.INTEGER,
			"user_id", FilterType.INTEGER);

	private final IncidentService incidents;

	private final ApiTimes times;

	private final PublicUrls urls;

	IncidentUpdatesApiController(IncidentService incidents, ApiTimes times, PublicUrls urls) {
		this.incidents = incidents;
		this.times = times;
		this.urls = urls;
	}

	@GetMapping
	ApiList<IncidentUpdateResponse> list(@PathVariable long incident, HttpServletRequest request) {
		String baseUrl = this.urls.baseUrl();
		var page = this.incidents.findUpdates(incident,
				ListParams.parse(request, SEARCHABLE, Set.of("id", "status", "user_id")), ApiCaller.isGuest());
		return ApiList.of(page.map((update) -> IncidentUpdateResponse.of(update, this.times, baseUrl)), request);
	}

	@GetMapping("/{update:\\d+}")
	ApiItem<IncidentUpdateResponse> get(@PathVariable long incident, @PathVariable long update) {
		return item(this.incidents.getUpdate(incident, update, ApiCaller.isGuest()));
	}

	@PostMapping
	@SuppressWarnings("NullAway")
	ApiItem<IncidentUpdateResponse> create(@PathVariable long incident, IncidentUpdateRequest request) {
		return item(this.incidents.reportUpdate(incident, IncidentStatus.of(request.status()), request.message(),
				ApiCaller.current().map(AuthenticatedUser::id).orElse(null)));
	}

	@PutMapping("/{update:\\d+}")
	ApiItem<IncidentUpdateResponse> update(@PathVariable long incident, @PathVariable long update,
			ChangeIncidentUpdateRequest request) {
		return item(this.incidents.changeUpdate(incident, update,
				(request.status() != null) ? IncidentStatus.of(request.status()) : null, request.message()));
	}

	@DeleteMapping("/{update:\\d+}")
	ResponseEntity<Void> delete(@PathVariable long incident, @PathVariable long update) {
		this.incidents.deleteUpdate(incident, update);
		return ResponseEntity.noContent().build();
	}

	private ApiItem<IncidentUpdateResponse> item(IncidentUpdateView update) {
		return new ApiItem<>(IncidentUpdateResponse.of(update, this.times, this.urls.baseUrl()));
	}

}
