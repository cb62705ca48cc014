package io.cachet.dashboard;

import java.util.Objects;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import io.cachet.incident.IncidentTemplateService;
import io.cachet.incident.IncidentTemplateView;
import io.cachet.shared.InvalidInputException;
import io.cachet.shared.ListQuery;
import io.cachet.shared.Markdown;

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
 * Incident templates: list, create, edit, delete, and a preview rendered for an example
 * incident (sanitized like every message).
 */
@Controller
@RequestMapping("/dashboard/templates")
class TemplatesController {

	private final IncidentTemplateService templates;

	TemplatesController(IncidentTemplateService templates) {
		this.templates = templates;
	}

	record TemplateForm(@NotBlank @Size(max = 255) @Nullable String name,
			@Size(max = 255) @Pattern(regexp = "[a-z0-9-]*",
					message = "may hold lower-case letters, digits and dashes") @Nullable String slug,
			@NotBlank @Size(max = 65_535) @Nullable String template) {
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("templates", this.templates.findTemplates(ListQuery.all()).items());
		return "dashboard/templates";
	}

	@GetMapping("/create")
	String createForm(Model model) {
		model.addAttribute("form", new TemplateForm("", "", "We are investigating problems with {{ incident.name }}."));
		model.addAttribute("templateId", null);
		return "dashboard/template-form";
	}

	@PostMapping
	String save(@RequestParam(required = false) @Nullable Long id, @RequestParam(defaultValue = "save") String action,
			@Valid @ModelAttribute("form") TemplateForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		model.addAttribute("templateId", id);
		if (errors.hasErrors()) {
			return "dashboard/template-form";
		}
		try {
			if ("preview".equals(action)) {
				model.addAttribute("preview",
						Markdown.toSafeHtml(this.templates.previewTemplate(Objects.requireNonNull(form.template()))));
				return "dashboard/template-form";
			}
			String slug = (form.slug() == null || form.slug().isBlank()) ? null : form.slug();
			if (id == null) {
				this.templates.createTemplate(Objects.requireNonNull(form.name()).strip(), slug,
						Objects.requireNonNull(form.template()));
			}
			else {
				this.templates.updateTemplate(id, Objects.requireNonNull(form.name()).strip(), slug, form.template());
			}
		}
		catch (InvalidInputException ex) {
			errors.rejectValue("template", "invalid", String.join(" ", ex.details()));
			return "dashboard/template-form";
		}
		redirect.addFlashAttribute("message", "Template " + form.name() + " saved.");
		return "redirect:/dashboard/templates";
	}

	@GetMapping("/{id}")
	String edit(@PathVariable long id, Model model) {
		IncidentTemplateView template = this.templates.getTemplate(id);
		model.addAttribute("form", new TemplateForm(template.name(), template.slug(), template.template()));
		model.addAttribute("templateId", id);
		return "dashboard/template-form";
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		this.templates.deleteTemplate(id);
		redirect.addFlashAttribute("message", "Template deleted.");
		return "redirect:/dashboard/templates";
	}

}
