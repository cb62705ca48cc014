package io.cachet.dashboard;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import io.cachet.user.DuplicateUserException;
import io.cachet.user.UserService;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * Accepting an invitation: the invitee chooses a username and a password; the e-mail
 * address and the role come from the invite, which works once.
 */
@Controller
class SignupController {

	private final UserService users;

	SignupController(UserService users) {
		this.users = users;
	}

	record SignupForm(@NotBlank @Size(max = 255) @Pattern(regexp = "[ -~]+") @Nullable String username,
			@NotBlank @Size(min = 8, max = 72) @Nullable String password, @Nullable String passwordConfirmation) {
	}

	@GetMapping("/signup/invite/{code}")
	String form(@PathVariable String code, Model model) {
		model.addAttribute("email", openInvite(code));
		model.addAttribute("form", new SignupForm("", "", ""));
		return "dashboard/signup";
	}

	@PostMapping("/signup/invite/{code}")
	String signUp(@PathVariable String code, @Valid @ModelAttribute("form") SignupForm form, BindingResult errors,
			Model model) {
		model.addAttribute("email", openInvite(code));
		if (form.password() != null && !form.password().equals(form.passwordConfirmation())) {
			errors.rejectValue("passwordConfirmation", "mismatch", "The passwords do not match");
		}
		if (errors.hasErrors()) {
			return "dashboard/signup";
		}
		try {
			if (this.users.claimInvite(code, form.username().strip(), form.password()).isEmpty()) {
				throw new ResponseStatusException(HttpStatus.NOT_FOUND);
			}
		}
		catch (DuplicateUserException ex) {
			errors.rejectValue("username", "taken", ex.getMessage());
			return "dashboard/signup";
		}
		return "redirect:/auth/login?joined";
	}

	private String openInvite(String code) {
		return this.users.findOpenInvite(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
