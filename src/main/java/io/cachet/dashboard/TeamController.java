package io.cachet.dashboard;

import java.security.Principal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import io.cachet.sso.SignInOptions;
import io.cachet.sso.SsoSecurity;
import io.cachet.user.CreateUser;
import io.cachet.user.DuplicateUserException;
import io.cachet.user.ExternalSignIns;
import io.cachet.user.TeamInvitations;
import io.cachet.user.UserLevel;
import io.cachet.user.UserService;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The team (admins only, enforced in the security configuration): add a user with a role,
 * deactivate and reactivate users. Admins cannot deactivate themselves, so the page
 * always keeps one admin who can log in.
 */
@Controller
class TeamController {

	private final UserService users;

	private final TeamInvitations invitations;

	private final ExternalSignIns signIns;

	private final SsoSecurity sso;

	TeamController(UserService users, TeamInvitations invitations, ExternalSignIns signIns, SsoSecurity sso) {
		this.users = users;
		this.invitations = invitations;
		this.signIns = signIns;
		this.sso = sso;
	}

	/**
	 * The team, and how each member signs in ("Password", a provider's display name).
	 */
	private void members(Model model) {
		SignInOptions options = this.sso.signInOptions();
		Map<Long, String> signsInWith = new HashMap<>();
		this.signIns.signInMethods().forEach((id, methods) -> signsInWith.put(id, methods.stream().map((method) -> {
			if (method.equals("password")) {
				return "password";
			}
			if (method.equals("ldap")) {
				return (options.directoryName() != null) ? options.directoryName() : "directory (LDAP)";
			}
			String provider = method.startsWith("oidc:") ? method.substring("oidc:".length()) : method;
			String name = options.displayName(provider);
			return (name != null) ? name : provider;
		}).collect(Collectors.joining(", "))));
		model.addAttribute("members", this.users.findAll());
		model.addAttribute("signsInWith", signsInWith);
	}

	record MemberForm(@NotBlank @Size(max = 255) @Pattern(regexp = "[ -~]+") @Nullable String username,
			@NotBlank @Email @Size(max = 255) @Nullable String email,
			@NotBlank @Size(min = 8, max = 72) @Nullable String password, @Nullable String level) {

		UserLevel userLevel() {
			return "ADMIN".equals(this.level) ? UserLevel.ADMIN : UserLevel.USER;
		}

	}

	@GetMapping("/dashboard/team")
	String team(Model model) {
		members(model);
		model.addAttribute("form", new MemberForm("", "", "", "USER"));
		return "dashboard/team";
	}

	@PostMapping("/dashboard/team")
	String add(@Valid @ModelAttribute("form") MemberForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				this.users.createUser(new CreateUser(Objects.requireNonNull(form.username()).strip(),
						Objects.requireNonNull(form.email()).strip(), Objects.requireNonNull(form.password()),
						form.userLevel(), null));
				redirect.addFlashAttribute("message", "Added " + form.username() + ".");
				return "redirect:/dashboard/team";
			}
			catch (DuplicateUserException ex) {
				errors.reject("duplicate", ex.getMessage());
			}
		}
		members(model);
		return "dashboard/team";
	}

	/**
	 * Invites people by e-mail (one address per line): each gets a sign-up link.
	 */
	@PostMapping("/dashboard/team/invite")
	String invite(@RequestParam(defaultValue = "") String emails, @RequestParam(defaultValue = "USER") String level,
			RedirectAttributes redirect) {
		UserLevel invitedLevel = "ADMIN".equals(level) ? UserLevel.ADMIN : UserLevel.USER;
		List<String> valid = new ArrayList<>();
		List<String> failed = new ArrayList<>();
		for (String candidate : emails.split(EmailAddresses.SEPARATORS)) {
			String address = candidate.strip();
			if (address.isEmpty()) {
				continue;
			}
			if (EmailAddresses.isValid(address)) {
				valid.add(address);
			}
			else {
				failed.add(address + " (not an e-mail address)");
			}
		}
		TeamInvitations.Outcome outcome = this.invitations.invite(valid, invitedLevel);
		List<String> sent = outcome.sent();
		failed.addAll(outcome.failed());
		if (!sent.isEmpty()) {
			redirect.addFlashAttribute("message", "Invited " + String.join(", ", sent) + ".");
		}
		if (!failed.isEmpty()) {
			redirect.addFlashAttribute("error", "Not invited: " + String.join(", ", failed) + ".");
		}
		return "redirect:/dashboard/team";
	}

	@PostMapping("/dashboard/team/{id}/deactivate")
	String deactivate(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
		boolean self = this.users.findByLogin(principal.getName()).map((user) -> user.id() == id).orElse(false);
		if (self) {
			redirect.addFlashAttribute("error", "You cannot deactivate yourself.");
			return "redirect:/dashboard/team";
		}
		this.users.setActive(id, false);
		redirect.addFlashAttribute("message", "User deactivated.");
		return "redirect:/dashboard/team";
	}

	@PostMapping("/dashboard/team/{id}/level")
	String changeLevel(@PathVariable long id, @RequestParam(defaultValue = "USER") String level, Principal principal,
			RedirectAttributes redirect) {
		boolean self = this.users.findByLogin(principal.getName()).map((user) -> user.id() == id).orElse(false);
		if (self) {
			redirect.addFlashAttribute("error", "You cannot change your own role.");
			return "redirect:/dashboard/team";
		}
		this.users.changeLevel(id, "ADMIN".equals(level) ? UserLevel.ADMIN : UserLevel.USER);
		redirect.addFlashAttribute("message", "Role changed.");
		return "redirect:/dashboard/team";
	}

	@PostMapping("/dashboard/team/{id}/activate")
	String activate(@PathVariable long id, RedirectAttributes redirect) {
		this.users.setActive(id, true);
		redirect.addFlashAttribute("message", "User reactivated.");
		return "redirect:/dashboard/team";
	}

}
