package io.cachet.dashboard;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import io.cachet.component.ComponentService;
import io.cachet.component.ComponentView;
import io.cachet.schedule.SaveSchedule;
import io.cachet.schedule.ScheduleService;
import io.cachet.schedule.ScheduleStatus;
import io.cachet.schedule.ScheduleView;
import io.cachet.settings.SettingsService;
import io.cachet.shared.InvalidInputException;
import io.cachet.shared.ListQuery;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Scheduled maintenance: list, create, edit and delete, with the components it affects
 * ({@code component-<id>} fields, as on the incident form).
 */
@Controller
@RequestMapping("/dashboard/schedule")
class MaintenanceController {

	private static final String DATE_TIME = "(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?)?";

	private final ScheduleService schedules;

	private final ComponentService components;

	private final SettingsService settings;

	MaintenanceController(ScheduleService schedules, ComponentService components, SettingsService settings) {
		this.schedules = schedules;
		this.components = components;
		this.settings = settings;
	}

	record MaintenanceForm(@NotBlank @Size(max = 255) @Nullable String name,
			@Size(max = 65_535) @Nullable String message, @Min(0) @Max(2) int status,
			@NotBlank(message = "is required") @Pattern(regexp = DATE_TIME,
					message = "must be a date and time") @Nullable String scheduledAt,
			@Pattern(regexp = DATE_TIME, message = "must be a date and time") @Nullable String completedAt) {
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("schedules",
				this.schedules.findSchedules(new ListQuery(Map.of(), "scheduled_at", true, 1, 200)).items());
		return "dashboard/schedules";
	}

	@GetMapping("/create")
	String createForm(Model model) {
		String start = LocalDateTime.now(this.settings.site().timezone())
			.plusDays(1)
			.truncatedTo(ChronoUnit.HOURS)
			.toString();
		model.addAttribute("form", new MaintenanceForm("", "", 0, start, ""));
		return form(model, null, Map.of());
	}

	@PostMapping
	String create(@Valid @ModelAttribute("form") MaintenanceForm form, BindingResult errors,
			@RequestParam Map<String, String> fields, Model model, RedirectAttributes redirect) {
		Map<Long, Integer> affected = affected(fields);
		if (errors.hasErrors()) {
			return form(model, null, affected);
		}
		try {
			ScheduleView created = this.schedules.createSchedule(command(form, affected),
					"true".equals(fields.get("notify")));
			redirect.addFlashAttribute("message", "Maintenance " + created.name() + " scheduled.");
			return "redirect:/dashboard/schedule";
		}
		catch (InvalidInputException ex) {
			errors.reject("invalid", String.join(" ", ex.details()));
			return form(model, null, affected);
		}
	}

	@GetMapping("/{id}")
	String edit(@PathVariable long id, Model model) {
		ScheduleView schedule = this.schedules.getSchedule(id);
		model.addAttribute("form", new MaintenanceForm(schedule.name(), schedule.message(), schedule.status().code(),
				local(schedule.scheduledAt()), (schedule.completedAt() != null) ? local(schedule.completedAt()) : ""));
		Map<Long, Integer> affected = new HashMap<>();
		schedule.components().forEach((c) -> affected.put(c.componentId(), c.componentStatus()));
		return form(model, id, affected);
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") MaintenanceForm form, BindingResult errors,
			@RequestParam Map<String, String> fields, Model model, RedirectAttributes redirect) {
		this.schedules.getSchedule(id);
		Map<Long, Integer> affected = affected(fields);
		if (errors.hasErrors()) {
			return form(model, id, affected);
		}
		try {
			this.schedules.updateSchedule(id, command(form, affected));
		}
		catch (InvalidInputException ex) {
			errors.reject("invalid", String.join(" ", ex.details()));
			return form(model, id, affected);
		}
		redirect.addFlashAttribute("message", "Maintenance saved.");
		return "redirect:/dashboard/schedule";
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		this.schedules.deleteSchedule(id);
		redirect.addFlashAttribute("message", "Maintenance deleted.");
		return "redirect:/dashboard/schedule";
	}

	private SaveSchedule command(MaintenanceForm form, Map<Long, Integer> affected) {
		return new SaveSchedule(Objects.requireNonNull(form.name()).strip(), form.message(),
				ScheduleStatus.fromCode(form.status()).orElse(ScheduleStatus.UPCOMING), instant(form.scheduledAt()),
				instant(form.completedAt()), affected);
	}

	private String form(Model model, @Nullable Long id, Map<Long, Integer> affected) {
		model.addAttribute("scheduleId", id);
		model.addAttribute("statuses", ScheduleStatus.values());
		model.addAttribute("components",
				this.components.findComponents(ListQuery.all(), List.of(), false)
					.items()
					.stream()
					.sorted(Comparator.comparing(ComponentView::name))
					.toList());
		model.addAttribute("chosen", affected);
		model.addAttribute("timezone", this.settings.site().timezone().getId());
		return "dashboard/schedule-form";
	}

	/**
	 * @return the ticked components ({@code component-<id>} = 1), each with the status
	 * "under maintenance" is shown instead of (kept as operational in v1)
	 */
	private static Map<Long, Integer> affected(Map<String, String> fields) {
		Map<Long, Integer> affected = new HashMap<>();
		fields.forEach((name, value) -> {
			if (name.startsWith("component-") && "1".equals(value)) {
				try {
					affected.put(Long.parseLong(name.substring("component-".length())), 1);
				}
				catch (NumberFormatException ex) {
					// Not one of ours.
				}
			}
		});
		return affected;
	}

	private @Nullable Instant instant(@Nullable String local) {
		return (local == null || local.isBlank()) ? null
				: LocalDateTime.parse(local).atZone(this.settings.site().timezone()).toInstant();
	}

	private String local(Instant instant) {
		return LocalDateTime.ofInstant(instant, this.settings.site().timezone())
			.truncatedTo(ChronoUnit.MINUTES)
			.toString();
	}

}
