package io.cachet.dashboard;

import java.math.BigDecimal;
import java.util.Objects;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import io.cachet.metric.MetricService;
import io.cachet.metric.MetricView;
import io.cachet.metric.SaveMetric;
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
 * Metrics: list, create, edit, delete, and a manual point entry.
 */
@Controller
@RequestMapping("/dashboard/metrics")
class MetricsController {

	private final MetricService metrics;

	MetricsController(MetricService metrics) {
		this.metrics = metrics;
	}

	record MetricForm(@NotBlank @Size(max = 255) @Nullable String name, @Size(max = 255) @Nullable String suffix,
			@Size(max = 10_000) @Nullable String description, @NotNull @Nullable BigDecimal defaultValue,
			@Min(0) @Max(1) int calcType, @Nullable Boolean displayChart, @Min(0) @Max(4) int places,
			@Min(0) @Max(3) int defaultView, @Min(1) @Max(60) int threshold, @Min(0) int order,
			@Min(0) @Max(2) int visible) {

		static MetricForm empty() {
			return new MetricForm("", "", "", BigDecimal.ZERO, 0, true, 2, 1, 5, 0, 1);
		}

		static MetricForm of(MetricView metric) {
			return new MetricForm(metric.name(), metric.suffix(), metric.description(), metric.defaultValue(),
					metric.calcType(), metric.displayChart(), metric.places(), metric.defaultView(), metric.threshold(),
					metric.order(), metric.visible());
		}

		SaveMetric command() {
			return new SaveMetric(Objects.requireNonNull(this.name).strip(),
					Objects.requireNonNullElse(this.suffix, ""), this.description, this.defaultValue, this.calcType,
					Boolean.TRUE.equals(this.displayChart), this.places, this.defaultView, this.threshold, this.order,
					this.visible);
		}

	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("metrics", this.metrics.findMetrics(ListQuery.all()).items());
		return "dashboard/metrics";
	}

	@GetMapping("/create")
	String createForm(Model model) {
		model.addAttribute("form", MetricForm.empty());
		model.addAttribute("metricId", null);
		return "dashboard/metric-form";
	}

	@PostMapping
	String create(@Valid @ModelAttribute("form") MetricForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		model.addAttribute("metricId", null);
		if (errors.hasErrors()) {
			return "dashboard/metric-form";
		}
		try {
			this.metrics.createMetric(form.command());
		}
		catch (InvalidInputException ex) {
			errors.reject("invalid", String.join(" ", ex.details()));
			return "dashboard/metric-form";
		}
		redirect.addFlashAttribute("message", "Metric " + form.name() + " created.");
		return "redirect:/dashboard/metrics";
	}

	@GetMapping("/{id}")
	String edit(@PathVariable long id, Model model) {
		model.addAttribute("form", MetricForm.of(this.metrics.getMetric(id)));
		model.addAttribute("metricId", id);
		return "dashboard/metric-form";
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") MetricForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		this.metrics.getMetric(id);
		model.addAttribute("metricId", id);
		if (errors.hasErrors()) {
			return "dashboard/metric-form";
		}
		try {
			this.metrics.updateMetric(id, form.command());
		}
		catch (InvalidInputException ex) {
			errors.reject("invalid", String.join(" ", ex.details()));
			return "dashboard/metric-form";
		}
		redirect.addFlashAttribute("message", "Metric saved.");
		return "redirect:/dashboard/metrics";
	}

	@PostMapping("/{id}/points")
	String addPoint(@PathVariable long id, @RequestParam(defaultValue = "") String value, RedirectAttributes redirect) {
		try {
			this.metrics.addPoint(id, new BigDecimal(value.strip()), null);
			redirect.addFlashAttribute("message", "Point added.");
		}
		catch (NumberFormatException ex) {
			redirect.addFlashAttribute("error", "The value must be a number.");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error", String.join(" ", ex.details()));
		}
		return "redirect:/dashboard/metrics/" + id;
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		this.metrics.deleteMetric(id);
		redirect.addFlashAttribute("message", "Metric deleted.");
		return "redirect:/dashboard/metrics";
	}

}
