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
import io.cachet.schedule.ScheduleService;

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
	ApiItem<ScheduleResponse> create(CreateScheduleRequest request) {
		return new ApiItem<>(
				ScheduleResponse.of(this.schedules.createSchedule(request.command(), request.notifies()), this.times));
	}

	@PutMapping("/{id:\\d+}")
	ApiItem<ScheduleResponse> update(@PathVariable long id, UpdateScheduleRequest request) {
		return new ApiItem<>(ScheduleResponse.of(this.schedules.updateSchedule(id, request.command()), this.times));
	}

	@DeleteMapping("/{id:\\d+}")
	ResponseEntity<Void> delete(@PathVariable long id) {
		this.schedules.deleteSchedule(id);
		return ResponseEntity.noContent().build();
	}

}
