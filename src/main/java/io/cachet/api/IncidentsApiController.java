package io.cachet.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
import io.cachet.component.ComponentStatus;
import io.cachet.incident.AffectedComponent;
import io.cachet.incident.CreateIncident;
import io.cachet.incident.IncidentService;
import io.cachet.incident.IncidentStatus;
import io.cachet.incident.IncidentView;
import io.cachet.incident.UpdateIncident;
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
	ApiItem<IncidentResponse> create(ApiFields fields) {
		String name = fields.requiredString("name");
		fields.string("name", 255);
		Integer status = fields.requiredInteger("status", 0, 4);
		String template = fields.string("template");
		String message = fields.string("message");
		if (template == null && (message == null || message.isBlank())) {
			fields.required("message");
		}
		Common common = Common.read(fields, this.times);
		fields.validate();
		return item(this.incidents.createIncident(new CreateIncident(name, IncidentStatus.of(status), message,
				(common.componentId() != null) ? common.componentId() : 0, common.componentStatus(), template,
				common.vars(), (common.visible() != null) ? common.visible() : true,
				(common.stickied() != null) ? common.stickied() : false,
				(common.notifySubscribers() != null) ? common.notifySubscribers() : true, common.occurredAt(),
				ApiCaller.current().map(AuthenticatedUser::id).orElse(null),
				(common.components() != null) ? common.components() : List.of(), common.meta())));
	}

	@PutMapping("/{id:\\d+}")
	ApiItem<IncidentResponse> update(@PathVariable long id, ApiFields fields) {
		String name = fields.has("name") ? fields.requiredString("name") : null;
		fields.string("name", 255);
		Integer status = fields.integer("status", 0, 4);
		String message = fields.string("message");
		String template = fields.string("template");
		Common common = Common.read(fields, this.times);
		fields.validate();
		return item(this.incidents.updateIncident(id,
				new UpdateIncident(name, (status != null) ? IncidentStatus.of(status) : null, message,
						common.componentId(), common.componentStatus(), template, common.vars(), common.visible(),
						common.stickied(), common.notifySubscribers(), common.occurredAt(), common.components(),
						common.meta())));
	}

	@DeleteMapping("/{id:\\d+}")
	ResponseEntity<Void> delete(@PathVariable long id) {
		this.incidents.deleteIncident(id);
		return ResponseEntity.noContent().build();
	}

	private ApiItem<IncidentResponse> item(IncidentView incident) {
		return new ApiItem<>(IncidentResponse.of(incident, this.times, this.urls.baseUrl()));
	}

	/**
	 * The optional fields shared by create and update.
	 */
	private record Common(@Nullable Long componentId, @Nullable ComponentStatus componentStatus,
			@Nullable Boolean visible, @Nullable Boolean stickied, @Nullable Boolean notifySubscribers,
			@Nullable Instant occurredAt, Map<String, Object> vars, @Nullable List<AffectedComponent> components,
			@Nullable Map<String, Object> meta) {

		static Common read(ApiFields fields, ApiTimes times) {
			Long componentId = fields.id("component_id");
			Integer componentStatus = fields.integer("component_status", 0, 4);
			if (fields.has("component_id") && !fields.has("component_status")) {
				fields.error("The component status field is required when component id is present.");
			}
			if (fields.has("component_status") && !fields.has("component_id")) {
				fields.error("The component id field is required when component status is present.");
			}
			Instant occurredAt = fields.dateTime("occurred_at", times);
			Map<String, Object> vars = fields.object("vars");
			return new Common(componentId, (componentStatus != null) ? ComponentStatus.of(componentStatus) : null,
					fields.bool("visible"), fields.bool("stickied"), fields.bool("notify"), occurredAt,
					(vars != null) ? vars : Map.of(), components(fields), fields.object("meta"));
		}

		/**
		 * {@code components} as [{"id":1,"status":3}, …] or as {"1":3, …}.
		 */
		private static @Nullable List<AffectedComponent> components(ApiFields fields) {
			Object raw = fields.raw("components");
			if (raw == null) {
				return null;
			}
			List<AffectedComponent> components = new ArrayList<>();
			if (raw instanceof Map<?, ?> map) {
				map.forEach((id, status) -> add(fields, components, id, status));
			}
			else if (raw instanceof List<?> list) {
				for (Object entry : list) {
					if (entry instanceof Map<?, ?> component) {
						add(fields, components, component.get("id"), component.get("status"));
					}
					else {
						fields.error("Each of the components must have an id and a status.");
					}
				}
			}
			else {
				fields.error("The components must be an array.");
			}
			return components;
		}

		private static void add(ApiFields fields, List<AffectedComponent> components, @Nullable Object id,
				@Nullable Object status) {
			ApiFields entry = new ApiFields(java.util.Collections.unmodifiableMap(new java.util.HashMap<>(
					java.util.Map.of("id", (id != null) ? id : "", "status", (status != null) ? status : ""))));
			Long componentId = entry.id("id");
			Integer componentStatus = entry.integer("status", 0, 4);
			if (componentId == null || componentStatus == null) {
				fields.error("Each of the components must have an id and a status between 0 and 4.");
				return;
			}
			components.add(new AffectedComponent(componentId, ComponentStatus.of(componentStatus)));
		}

	}

}
