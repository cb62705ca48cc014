package io.cachet.api;

import java.time.ZoneId;
import java.util.Arrays;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.cachet.api.ListParams.FilterType;
import io.cachet.component.ComponentService;
import io.cachet.component.ComponentUptimeService;
import io.cachet.settings.SettingsService;
import io.cachet.shared.InvalidInputException;

/**
 * {@code /api/v1/components}: Cachet 2.4 routes 4 to 8, and our uptime extension.
 */
@RestController
@RequestMapping("/api/v1/components")
class ComponentsApiController {

	static final Map<String, FilterType> SEARCHABLE = Map.of("id", FilterType.INTEGER, "name", FilterType.STRING,
			"status", FilterType.INTEGER, "order", FilterType.INTEGER, "group_id", FilterType.INTEGER, "enabled",
			FilterType.BOOLEAN);

	static final Set<String> SORTABLE = SEARCHABLE.keySet();

	static final int DEFAULT_UPTIME_DAYS = 90;

	private final ComponentService components;

	private final ComponentUptimeService uptime;

	private final SettingsService settings;

	private final ApiTimes times;

	ComponentsApiController(ComponentService components, ComponentUptimeService uptime, SettingsService settings,
			ApiTimes times) {
		this.components = components;
		this.uptime = uptime;
		this.settings = settings;
		this.times = times;
	}

	@GetMapping
	ApiList<ComponentResponse> list(HttpServletRequest request) {
		List<String> tags = (request.getParameterValues("tags[]") != null)
				? Arrays.asList(request.getParameterValues("tags[]")) : (request.getParameterValues("tags") != null)
						? Arrays.asList(request.getParameterValues("tags")) : List.of();
		var page = this.components.findComponents(ListParams.parse(request, SEARCHABLE, SORTABLE), tags,
				ApiCaller.isGuest());
		return ApiList.of(page.map((component) -> ComponentResponse.of(component, this.times)), request);
	}

	@GetMapping("/{id:\\d+}")
	ApiItem<ComponentResponse> get(@PathVariable long id) {
		return item(this.components.getComponent(id));
	}

	/**
	 * Our extension: the component's daily uptime, in the page's time zone.
	 */
	@GetMapping("/{id:\\d+}/uptime")
	ApiItem<ComponentUptimeResponse> uptime(@PathVariable long id,
			@RequestParam(name = "days", required = false) @Nullable String days) {
		ZoneId zone = this.settings.site().timezone();
		return new ApiItem<>(ComponentUptimeResponse.of(this.uptime.componentUptime(id, days(days), zone), zone));
	}

	@PostMapping
	ApiItem<ComponentResponse> create(CreateComponentRequest request) {
		return item(this.components.createComponent(request.command()));
	}

	@PutMapping("/{id:\\d+}")
	ApiItem<ComponentResponse> update(@PathVariable long id, UpdateComponentRequest request) {
		return item(this.components.updateComponent(id, request.command()));
	}

	@DeleteMapping("/{id:\\d+}")
	ResponseEntity<Void> delete(@PathVariable long id) {
		this.components.deleteComponent(id);
		return ResponseEntity.noContent().build();
	}

	private ApiItem<ComponentResponse> item(io.cachet.component.ComponentView component) {
		return new ApiItem<>(ComponentResponse.of(component, this.times));
	}

	private static int days(@Nullable String days) {
		if (days == null || days.isBlank()) {
			return DEFAULT_UPTIME_DAYS;
		}
		if (!days.strip().matches("-?\\d{1,9}")) {
			throw new InvalidInputException("The days must be an integer.");
		}
		int value = Integer.parseInt(days.strip());
		if (value < 1 || value > ComponentUptimeService.MAX_DAYS) {
			throw new InvalidInputException("The days must be between 1 and " + ComponentUptimeService.MAX_DAYS + ".");
		}
		return value;
	}

}
