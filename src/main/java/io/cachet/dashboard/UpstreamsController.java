package io.cachet.dashboard;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
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

import io.cachet.shared.InvalidInputException;
import io.cachet.shared.ListQuery;
import io.cachet.upstream.SaveUpstream;
import io.cachet.upstream.UpstreamService;
import io.cachet.upstream.UpstreamView;

/**
 * Followed status pages (admins only: they make the server call an address): list with
 * their components and the last error, add, delete, and hide or show a component.
 */
@Controller
@RequestMapping("/dashboard/upstreams")
class UpstreamsController {

	private final UpstreamService upstreams;

	UpstreamsController(UpstreamService upstreams) {
		this.upstreams = upstreams;
	}

	/**
	 * The add form; a blank interval means the default (60 s).
	 */
	record UpstreamForm(@NotBlank @Size(max = 255) @Nullable String name,
			@NotBlank @Size(max = 2048) @Nullable String url, @Nullable Integer interval) {

		SaveUpstream toCommand() {
			return new SaveUpstream(this.name, this.url, null, this.interval, null, null);
		}

	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("form", new UpstreamForm("", "", 60));
		return page(model);
	}

	@PostMapping
	String create(@Valid @ModelAttribute("form") @Nullable UpstreamForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (form == null) {
			// A value that could not even be converted (an interval that is not a
			// number).
			redirect.addFlashAttribute("error", "The form could not be read; nothing was saved.");
			return "redirect:/dashboard/upstreams";
		}
		if (errors.hasErrors()) {
			return page(model);
		}
		try {
			UpstreamView created = this.upstreams.createUpstream(form.toCommand());
			redirect.addFlashAttribute("message",
					"Following " + created.name() + "; its components appear after the first fetch.");
		}
		catch (InvalidInputException ex) {
			errors.reject("invalid", String.join(" ", ex.details()));
			return page(model);
		}
		return "redirect:/dashboard/upstreams";
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		this.upstreams.deleteUpstream(id);
		redirect.addFlashAttribute("message", "Upstream deleted, with its components.");
		return "redirect:/dashboard/upstreams";
	}

	@PostMapping("/{id}/components/{componentId}")
	String hide(@PathVariable long id, @PathVariable long componentId, @RequestParam boolean hidden,
			RedirectAttributes redirect) {
		this.upstreams.setHidden(id, componentId, hidden);
		redirect.addFlashAttribute("message", hidden ? "Component hidden." : "Component shown.");
		return "redirect:/dashboard/upstreams";
	}

	private String page(Model model) {
		model.addAttribute("upstreams", this.upstreams.findUpstreams(ListQuery.all()).items());
		model.addAttribute("minInterval", this.upstreams.minIntervalSeconds());
		return "dashboard/upstreams";
	}

}
