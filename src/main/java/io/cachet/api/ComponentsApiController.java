package io.cachet.api;

import java.time.ZoneId;
import java.util.ArrayList;
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
import io.cachet.component.ComponentStatus;
import io.cachet.component.ComponentUptimeService;
import io.cachet.component.CreateComponent;
import io.cachet.component.UpdateComponent;
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
	ApiItem<ComponentResponse> create(ApiFields fields) {
		String name = fields.requiredString("name");
		Integer status = fields.requiredInteger("status", 0, 4);
		ComponentFields common = ComponentFields.read(fields);
		fields.validate();
		return item(this.components.createComponent(new CreateComponent(name, common.description(), common.link(),
				ComponentStatus.of(status), orZero(common.order()), orZero(common.groupId()),
				(common.enabled() != null) ? common.enabled() : true, common.meta(),
				(common.tags() != null) ? common.tags() : List.of())));
	}

	@PutMapping("/{id:\\d+}")
	ApiItem<ComponentResponse> update(@PathVariable long id, ApiFields fields) {
		String name = fields.has("name") ? fields.requiredString("name") : null;
		Integer status = fields.integer("status", 0, 4);
		ComponentFields common = ComponentFields.read(fields);
		Boolean silent = fields.bool("silent");
		fields.validate();
		return item(this.components.updateComponent(id,
				new UpdateComponent(name, common.description(), common.link(),
						(status != null) ? ComponentStatus.of(status) : null, common.order(), common.groupId(),
						common.enabled(), common.meta(), common.tags(), Boolean.TRUE.equals(silent))));
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

	private static int orZero(@Nullable Integer value) {
		return (value != null) ? value : 0;
	}

	private static long orZero(@Nullable Long value) {
		return (value != null) ? value : 0;
	}

	/**
	 * The optional fields shared by create and update.
	 */
	private record ComponentFields(@Nullable String description, @Nullable String link, @Nullable Integer order,
			@Nullable Long groupId, @Nullable Boolean enabled, @Nullable Map<String, Object> meta,
			@Nullable List<String> tags) {

		static ComponentFields read(ApiFields fields) {
			return new ComponentFields(fields.string("description"), fields.url("link"), fields.integer("order"),
					fields.id("group_id"), fields.bool("enabled"), fields.object("meta"), tags(fields));
		}

		/**
		 * Cachet takes tags as one string, "Foo, Bar"; a JSON array is accepted too.
		 */
		private static @Nullable List<String> tags(ApiFields fields) {
			Object raw = fields.raw("tags");
			if (raw == null) {
				return null;
			}
			if (raw instanceof List<?> list) {
				List<String> names = new ArrayList<>();
				list.forEach((name) -> names.add(String.valueOf(name)));
				return names;
			}
			String text = fields.string("tags");
			return (text != null)
					? Arrays.stream(text.split(",")).map(String::strip).filter((t) -> !t.isEmpty()).toList() : null;
		}

	}

}
