package io.cachet.dashboard;

import java.security.Principal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import io.cachet.component.ComponentService;
import io.cachet.component.ComponentStatus;
import io.cachet.component.ComponentView;
import io.cachet.incident.AffectedComponent;
import io.cachet.incident.CreateIncident;
import io.cachet.incident.IncidentService;
import io.cachet.incident.IncidentTemplateService;
import io.cachet.incident.IncidentStatus;
import io.cachet.incident.IncidentView;
import io.cachet.incident.UpdateIncident;
import io.cachet.settings.SettingsService;
import io.cachet.shared.InvalidInputException;
import io.cachet.shared.ListQuery;
import io.cachet.user.UserService;

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
 * Incidents: list, create (with a template and the statuses of the components it
 * affects), edit, delete, and the timeline of updates (add, edit, delete).
 */
@Controller
@RequestMapping("/dashboard/incidents")
class IncidentsController {

	private static final String COMPONENT_FIELD = "component-";

	private final IncidentService incidents;

	private final IncidentTemplateService templates;

	private final ComponentService components;

	private final SettingsService settings;

	private final UserService users;

	IncidentsController(IncidentService incidents, IncidentTemplateService templates, ComponentService components,
			SettingsService settings, UserService users) {
		this.incidents = incidents;
		this.templates = templates;
		this.components = components;
		this.settings = settings;
		this.users = users;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("incidents",
				this.incidents.findIncidents(new ListQuery(Map.of(), "occurred_at", true, 1, 200), false).items());
		return "dashboard/incidents";
	}

	@GetMapping("/create")
	String createForm(Model model) {
		model.addAttribute("form", IncidentForm.empty());
		return form(model, null, Map.of());
	}

	@PostMapping
	String create(@Valid @ModelAttribute("form") IncidentForm form, BindingResult errors,
			@RequestParam Map<String, String> fields, Principal principal, Model model, RedirectAttributes redirect) {
		List<AffectedComponent> affected = affected(fields);
		// without a target the form could not even be built (a field of the wrong type):
		// the binding errors already say so, and rejectValue would fail on it
		if (errors.getTarget() != null && !form.hasMessageOrTemplate()) {
			errors.rejectValue("message", "required", "Write a message or pick a template");
		}
		if (errors.hasErrors()) {
			return form(model, null, chosen(affected));
		}
		try {
			IncidentView created = this.incidents
				.createIncident(new CreateIncident(Objects.requireNonNull(form.name()).strip(),
						IncidentStatus.of(form.status()), blankToNull(form.message()), 0, null,
						blankToNull(form.template()), form.templateVariables(), form.isVisible(), form.isStickied(),
						form.isNotifying(), occurredAt(form), userId(principal), affected, null));
			redirect.addFlashAttribute("message", "Incident " + created.name() + " reported.");
			return "redirect:/dashboard/incidents/" + created.id();
		}
		catch (InvalidInputException ex) {
			errors.reject("invalid", String.join(" ", ex.details()));
			return form(model, null, chosen(affected));
		}
	}

	@GetMapping("/{id}")
	String edit(@PathVariable long id, Model model) {
		IncidentView incident = this.incidents.getIncident(id, false);
		model.addAttribute("form",
				new IncidentForm(incident.name(), incident.message(), incident.status().code(), incident.visible(),
						incident.stickied(), incident.notifications(), localTime(incident.occurredAt()), "", ""));
		model.addAttribute("incident", incident);
		return form(model, id, chosen(incident.components()));
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") IncidentForm form, BindingResult errors,
			@RequestParam Map<String, String> fields, Model model, RedirectAttributes redirect) {
		IncidentView incident = this.incidents.getIncident(id, false);
		List<AffectedComponent> affected = affected(fields);
		// without a target the form could not even be built (a field of the wrong type):
		// the binding errors already say so, and rejectValue would fail on it
		if (errors.getTarget() != null && !form.hasMessageOrTemplate()) {
			errors.rejectValue("message", "required", "Write a message or pick a template");
		}
		if (errors.hasErrors()) {
			model.addAttribute("incident", incident);
			return form(model, id, chosen(affected));
		}
		try {
			this.incidents.updateIncident(id,
					new UpdateIncident(Objects.requireNonNull(form.name()).strip(), IncidentStatus.of(form.status()),
							blankToNull(form.message()), null, null, blankToNull(form.template()),
							form.templateVariables(), form.isVisible(), form.isStickied(), form.isNotifying(),
							occurredAt(form), affected, null));
		}
		catch (InvalidInputException ex) {
			errors.reject("invalid", String.join(" ", ex.details()));
			model.addAttribute("incident", incident);
			return form(model, id, chosen(affected));
		}
		redirect.addFlashAttribute("message", "Incident saved.");
		return "redirect:/dashboard/incidents/" + id;
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		this.incidents.deleteIncident(id);
		redirect.addFlashAttribute("message", "Incident deleted.");
		return "redirect:/dashboard/incidents";
	}

	@PostMapping("/{id}/updates")
	String addUpdate(@PathVariable long id, @RequestParam int status, @RequestParam(defaultValue = "") String message,
			Principal principal, RedirectAttributes redirect) {
		IncidentStatus updateStatus = IncidentStatus.fromCode(status).orElse(null);
		if (updateStatus == null || message.isBlank() || message.length() > 65_535) {
			redirect.addFlashAttribute("error", "An update needs a status and a message.");
			return "redirect:/dashboard/incidents/" + id;
		}
		this.incidents.reportUpdate(id, updateStatus, message, userId(principal));
		redirect.addFlashAttribute("message", "Update posted.");
		return "redirect:/dashboard/incidents/" + id;
	}

	@PostMapping("/{id}/updates/{updateId}")
	String changeUpdate(@PathVariable long id, @PathVariable long updateId, @RequestParam int status,
			@RequestParam(defaultValue = "") String message, RedirectAttributes redirect) {
		IncidentStatus updateStatus = IncidentStatus.fromCode(status).orElse(null);
		if (updateStatus == null || message.isBlank() || message.length() > 65_535) {
			redirect.addFlashAttribute("error", "An update needs a status and a message.");
			return "redirect:/dashboard/incidents/" + id;
		}
		this.incidents.changeUpdate(id, updateId, updateStatus, message);
		redirect.addFlashAttribute("message", "Update saved.");
		return "redirect:/dashboard/incidents/" + id;
	}

	@PostMapping("/{id}/updates/{updateId}/delete")
	String deleteUpdate(@PathVariable long id, @PathVariable long updateId, RedirectAttributes redirect) {
		this.incidents.deleteUpdate(id, updateId);
		redirect.addFlashAttribute("message", "Update deleted.");
		return "redirect:/dashboard/incidents/" + id;
	}

	private String form(Model model, @Nullable Long id, Map<Long, Integer> chosen) {
		model.addAttribute("incidentId", id);
		model.addAttribute("statuses", IncidentStatus.values());
		model.addAttribute("componentStatuses", List.of(ComponentStatus.OPERATIONAL, ComponentStatus.PERFORMANCE_ISSUES,
				ComponentStatus.PARTIAL_OUTAGE, ComponentStatus.MAJOR_OUTAGE));
		model.addAttribute("components",
				this.components.findComponents(ListQuery.all(), List.of(), false)
					.items()
					.stream()
					.sorted(Comparator.comparing(ComponentView::name))
					.toList());
		model.addAttribute("chosen", chosen);
		model.addAttribute("templates", this.templates.findTemplates(ListQuery.all()).items());
		model.addAttribute("timezone", this.settings.site().timezone().getId());
		return "dashboard/incident-form";
	}

	/**
	 * @return the components picked in the form ({@code component-<id>} = a status 1..4;
	 * 0 or absent = not affected); unknown components are refused by the service
	 */
	private static List<AffectedComponent> affected(Map<String, String> fields) {
		List<AffectedComponent> affected = new ArrayList<>();
		fields.forEach((name, value) -> {
			if (name.startsWith(COMPONENT_FIELD)) {
				try {
					long componentId = Long.parseLong(name.substring(COMPONENT_FIELD.length()));
					int status = Integer.parseInt(value);
					if (status >= 1 && status <= 4) {
						affected.add(new AffectedComponent(componentId, ComponentStatus.of(status)));
					}
				}
				catch (NumberFormatException ex) {
					// Not one of ours: ignored, as any unknown form field.
				}
			}
		});
		return affected;
	}

	private static Map<Long, Integer> chosen(List<AffectedComponent> affected) {
		Map<Long, Integer> chosen = new java.util.HashMap<>();
		affected.forEach((component) -> chosen.put(component.componentId(), component.status().code()));
		return chosen;
	}

	private @Nullable Instant occurredAt(IncidentForm form) {
		if (form.occurredAt() == null || form.occurredAt().isBlank()) {
			return null;
		}
		return LocalDateTime.parse(form.occurredAt()).atZone(this.settings.site().timezone()).toInstant();
	}

	private String localTime(Instant instant) {
		return LocalDateTime.ofInstant(instant, this.settings.site().timezone())
			.truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
			.toString();
	}

	private @Nullable Long userId(Principal principal) {
		return this.users.findByLogin(principal.getName()).map(io.cachet.user.UserView::id).orElse(null);
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
