package io.cachet.dashboard;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import io.cachet.user.DuplicateUserException;
import io.cachet.user.InviteState;
import io.cachet.user.UserService;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Accepting an invitation: the invitee chooses a username and a password; the e-mail
 * address and the role come from the invite, which works once and only for a while. A
 * link that cannot be used answers with a page saying why: 404 for an unknown code, 410
 * for one used already or expired.
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
				// used or expired between the form and now
				throw new UnusableInviteException(this.users.inviteState(code));
			}
		}
		catch (DuplicateUserException ex) {
			errors.rejectValue("username", "taken", ex.getMessage());
			return "dashboard/signup";
		}
		return "redirect:/auth/login?joined";
	}

	private String openInvite(String code) {
		return this.users.findOpenInvite(code)
			.orElseThrow(() -> new UnusableInviteException(this.users.inviteState(code)));
	}

	@ExceptionHandler(UnusableInviteException.class)
	ModelAndView unusable(UnusableInviteException ex) {
		InviteState state = (ex.state == InviteState.OPEN) ? InviteState.UNKNOWN : ex.state;
		ModelAndView page = new ModelAndView("dashboard/invite-unusable",
				(state == InviteState.UNKNOWN) ? HttpStatus.NOT_FOUND : HttpStatus.GONE);
		page.addObject("state", state.name());
		return page;
	}

	private static final class UnusableInviteException extends RuntimeException {

		private final InviteState state;

		UnusableInviteException(InviteState state) {
			super(state.name(), null, false, false);
			this.state = state;
		}

	}

}
