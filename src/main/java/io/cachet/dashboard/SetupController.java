package io.cachet.dashboard;

import java.time.ZoneId;
import java.util.List;

import jakarta.validation.Valid;

import io.cachet.settings.PageLocales;
import io.cachet.user.DuplicateUserException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * The first-run setup wizard: the status page's name, domain, time zone and language,
 * then the admin account. Gone once a user exists.
 */
@Controller
class SetupController {

	private static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream().sorted().toList();

	private final SetupState state;

	private final SetupService setup;

	SetupController(SetupState state, SetupService setup) {
		this.state = state;
		this.setup = setup;
	}

	@GetMapping("/setup")
	String form(Model model) {
		requireNotSetUp();
		model.addAttribute("form", SetupForm.empty());
		return view(model);
	}

	@PostMapping("/setup")
	String complete(@Valid @ModelAttribute("form") SetupForm form, BindingResult errors, Model model) {
		requireNotSetUp();
		if (!form.passwordsMatch()) {
			errors.rejectValue("passwordConfirmation", "mismatch", "The passwords do not match");
		}
		if (!form.timezoneKnown()) {
			errors.rejectValue("appTimezone", "unknown", "Unknown time zone");
		}
		if (errors.hasErrors()) {
			return view(model);
		}
		try {
			if (!this.setup.complete(form)) {
				return "redirect:/auth/login";
			}
		}
		catch (DuplicateUserException ex) {
			errors.reject("duplicate", ex.getMessage());
			return view(model);
		}
		return "redirect:/auth/login?setup";
	}

	private String view(Model model) {
		model.addAttribute("zones", ZONES);
		model.addAttribute("locales",
				PageLocales.SUPPORTED.stream()
					.map((locale) -> new LocaleOption(locale.toLanguageTag(), locale.getDisplayName(locale)))
					.toList());
		return "dashboard/setup";
	}

	private void requireNotSetUp() {
		if (this.state.isDone()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

	record LocaleOption(String tag, String name) {
	}

}
