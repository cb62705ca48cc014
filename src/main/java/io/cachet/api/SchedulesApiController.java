package io.cachet.api;

import java.time.Instant;
import java.util.LinkedHashMap;
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
import io.cachet.schedule.SaveSchedule;
import io.cachet.schedule.ScheduleService;
import io.cachet.schedule.ScheduleStatus;

/**
 * {@code /api/v1/schedules}: scheduled maintenance, Cachet 2.4 routes 35 to 39.
 */
@RestController
@RequestMapping("/api/v1/schedules")
class SchedulesApiController {

	static final Map<String, FilterType> SEARCHABLE = Map.of("id", FilterType.INTEGER, "name", FilterType.STRING,
			"status", FilterType.INTEGER);

	static final Set<String> SORTABLE = Set.of("id", "name", "status", "scheduled_at", "completed_at", "created_at",
			"updated_at");

	private final ScheduleService schedules;

	private final ApiTimes times;

	SchedulesApiController(ScheduleService schedules, ApiTimes times) {
		this.schedules = schedules;
		this.times = times;
	}

	@GetMapping
	ApiList<ScheduleResponse> list(HttpServletRequest request) {
		var page = this.schedules.findSchedules(ListParams.parse(request, SEARCHABLE, SORTABLE));
		return ApiList.of(page.map((schedule) -> ScheduleResponse.of(schedule, this.times)), request);
	}

	@GetMapping("/{id:\\d+}")
	ApiItem<ScheduleResponse> get(@PathVariable long id) {
		return new ApiItem<>(ScheduleResponse.of(this.schedules.getSchedule(id), this.times));
	}

	@PostMapping
	ApiItem<ScheduleResponse> create(ApiFields fields) {
		String name = fields.requiredString("name");
		Integer status = fields.requiredInteger("status", 0, 2);
		if (!fields.has("scheduled_at")) {
			fields.required("scheduled_at");
		}
		SaveSchedule command = read(fields, name, status);
		boolean notify = Boolean.TRUE.equals(fields.bool("notify"));
		fields.validate();
		return new ApiItem<>(ScheduleResponse.of(this.schedules.createSchedule(command, notify), this.times));
	}

	@PutMapping("/{id:\\d+}")
	ApiItem<ScheduleResponse> update(@PathVariable long id, ApiFields fields) {
		String name = fields.has("name") ? fields.requiredString("name") : null;
		Integer status = fields.integer("status", 0, 2);
		SaveSchedule command = read(fields, name, status);
		fields.validate();
		return new ApiItem<>(ScheduleResponse.of(this.schedules.updateSchedule(id, command), this.times));
	}

	@DeleteMapping("/{id:\\d+}")
	ResponseEntity<Void> delete(@PathVariable long id) {
		this.schedules.deleteSchedule(id);
		return ResponseEntity.noContent().build();
	}

	private SaveSchedule read(ApiFields fields, @Nullable String name, @Nullable Integer status) {
		String message = fields.string("message");
		Instant scheduledAt = fields.dateTime("scheduled_at", this.times);
		Instant completedAt = fields.dateTime("completed_at", this.times);
		fields.bool("notify");
		return new SaveSchedule(name, message, (status != null) ? ScheduleStatus.of(status) : null, scheduledAt,
				completedAt, components(fields));
	}

	/**
	 * {@code components} as Cachet takes it, {"<id>": <status>}, or as [{"id":…,
	 * "status":…}] or a plain list of ids (announced as status 0).
	 */
	private static @Nullable Map<Long, Integer> components(ApiFields fields) {
		Object raw = fields.raw("components");
		if (raw == null) {
			return null;
		}
		Map<Long, Integer> components = new LinkedHashMap<>();
		if (raw instanceof Map<?, ?> map) {
			map.forEach((id, status) -> add(fields, components, id, status));
		}
		else if (raw instanceof List<?> list) {
			for (Object entry : list) {
				if (entry instanceof Map<?, ?> component) {
					add(fields, components, component.get("id"), component.get("status"));
				}
				else {
					add(fields, components, entry, 0);
				}
			}
		}
		else {
			fields.error("The components must be an array.");
		}
		return components;
	}

	private static void add(ApiFields fields, Map<Long, Integer> components, @Nullable Object id,
			@Nullable Object status) {
		ApiFields entry = new ApiFields(
				new java.util.HashMap<>(Map.of("id", (id != null) ? id : "", "status", (status != null) ? status : 0)));
		Long componentId = entry.id("id");
		Integer componentStatus = entry.integer("status", 0, 4);
		if (componentId == null || componentStatus == null || componentId < 1) {
			fields.error("Each of the components must be a component id with a status between 0 and 4.");
			return;
		}
		components.put(componentId, componentStatus);
	}

}
