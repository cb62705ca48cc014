package io.cachet.dashboard;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

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

import io.cachet.component.ComponentService;
import io.cachet.component.ComponentView;
import io.cachet.metric.MetricService;
import io.cachet.monitor.MonitorService;
import io.cachet.monitor.MonitorType;
import io.cachet.monitor.MonitorView;
import io.cachet.monitor.SaveMonitor;
import io.cachet.settings.PublicAddress;
import io.cachet.shared.InvalidInputException;
import io.cachet.shared.ListQuery;

/**
 * Monitors (admins only, as webhooks and upstreams: they make the server call any address
 * with any headers, and their results tell what answered): list with each one's state,
 * add, edit, delete, and a page with the latest results.
 */
@Controller
@RequestMapping("/dashboard/monitors")
class MonitorsController {

	static final int RESULTS_SHOWN = 50;

	private final MonitorService monitors;

	private final ComponentService components;

	private final MetricService metrics;

	private final PublicAddress address;

	MonitorsController(MonitorService monitors, ComponentService components, MetricService metrics,
			PublicAddress address) {
		this.monitors = monitors;
		this.components = components;
		this.metrics = metrics;
		this.address = address;
	}

	/**
	 * A monitor as the list shows it.
	 *
	 * @param pushUrl for push monitors, the address the monitored system calls
	 */
	record MonitorRow(MonitorView monitor, String componentName, @Nullable String pushUrl) {
	}

	@ModelAttribute("types")
	List<String> types() {
		return List.of(MonitorType.values()).stream().map(MonitorType::value).toList();
	}

	@GetMapping
	String list(Model model) {
		Map<Long, String> names = componentNames();
		model.addAttribute("monitors",
				this.monitors.findMonitors(ListQuery.all()).items().stream().map((m) -> row(m, names)).toList());
		model.addAttribute("hasComponents", !names.isEmpty());
		return "dashboard/monitors";
	}

	@GetMapping("/create")
	String createForm(@RequestParam(required = false) @Nullable Long component, Model model) {
		model.addAttribute("form", MonitorForm.blank(component));
		return form(null, model);
	}

	@GetMapping("/{id}/edit")
	String editForm(@PathVariable long id, Model model) {
		MonitorView monitor = this.monitors.getMonitor(id);
		model.addAttribute("form", MonitorForm.from(monitor));
		model.addAttribute("pushUrl", pushUrl(monitor));
		return form(id, model);
	}

	@PostMapping
	String save(@RequestParam(required = false) @Nullable Long id,
			@Valid @ModelAttribute("form") @Nullable MonitorForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (form == null) {
			// A value that could not even be converted (not one the form offers).
			redirect.addFlashAttribute("error", "The form could not be read; nothing was saved.");
			return "redirect:/dashboard/monitors";
		}
		SaveMonitor command = form.toCommand(errors, id == null);
		if (errors.hasErrors() || command == null) {
			return form(id, model);
		}
		try {
			MonitorView saved = (id == null) ? this.monitors.createMonitor(command)
					: this.monitors.updateMonitor(id, command);
			redirect.addFlashAttribute("message",
					"Monitor of " + componentName(saved.componentId()) + " " + ((id == null) ? "created." : "saved."));
		}
		catch (InvalidInputException ex) {
			ex.details().forEach((detail) -> errors.reject("invalid", detail));
			return form(id, model);
		}
		return "redirect:/dashboard/monitors";
	}

	@GetMapping("/{id}")
	String details(@PathVariable long id, Model model) {
		MonitorView monitor = this.monitors.getMonitor(id);
		model.addAttribute("row", row(monitor, componentNames()));
		model.addAttribute("results", this.monitors.findResults(id, 1, RESULTS_SHOWN).items());
		return "dashboard/monitor";
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		this.monitors.deleteMonitor(id);
		redirect.addFlashAttribute("message", "Monitor deleted.");
		return "redirect:/dashboard/monitors";
	}

	private String form(@Nullable Long id, Model model) {
		model.addAttribute("monitorId", id);
		model.addAttribute("components", this.components.findComponents(ListQuery.all(), List.of(), false).items());
		model.addAttribute("metrics", this.metrics.findMetrics(ListQuery.all()).items());
		return "dashboard/monitor-form";
	}

	private MonitorRow row(MonitorView monitor, Map<Long, String> names) {
		return new MonitorRow(monitor, names.getOrDefault(monitor.componentId(), "#" + monitor.componentId()),
				pushUrl(monitor));
	}

	private @Nullable String pushUrl(MonitorView monitor) {
		return (monitor.pushToken() != null) ? this.address.baseUrl() + "/api/v1/monitors/push/" + monitor.pushToken()
				: null;
	}

	private String componentName(long id) {
		return this.components.findComponent(id).map(ComponentView::name).orElse("#" + id);
	}

	private Map<Long, String> componentNames() {
		return this.components.findComponents(ListQuery.all(), List.of(), false)
			.items()
			.stream()
			.collect(Collectors.toMap(ComponentView::id, ComponentView::name, (a, b) -> a));
	}

}
