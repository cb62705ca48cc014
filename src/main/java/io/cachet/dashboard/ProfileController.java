package io.cachet.dashboard;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import io.cachet.settings.SettingsService;
import io.cachet.user.ExternalSignIns;
import io.cachet.user.TwoFactorEnrollment;
import io.cachet.user.TwoFactorService;
import io.cachet.user.UserService;
import io.cachet.user.UserView;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signed-in user's profile: two-factor authentication is enabled by scanning a QR
 * code and confirming it with a code (the secret waits in the session until then), and
 * disabled with a current code. Changing the password or the two-factor setting ends the
 * user's other sessions and remember-me logins; this one goes on
 * ({@link SessionRenewal}).
 */
@Controller
class ProfileController {

	private static final String ENROLLMENT = ProfileController.class.getName() + ".ENROLLMENT";

	private final UserService users;

	private final TwoFactorService twoFactor;

	private final SettingsService settings;

	private final SessionRenewal sessions;

	private final ExternalSignIns signIns;

	ProfileController(UserService users, TwoFactorService twoFactor, SettingsService settings, SessionRenewal sessions,
			ExternalSignIns signIns) {
		this.users = users;
		this.signIns = signIns;
		this.twoFactor = twoFactor;
		this.settings = settings;
		this.sessions = sessions;
	}

	@GetMapping("/dashboard/user")
	String profile(Principal principal, HttpSession session, Model model) {
		UserView user = currentUser(principal);
		model.addAttribute("user", user);
		model.addAttribute("twoFactorEnabled", this.twoFactor.isEnabled(user.username()));
		// someone who signs in only through a provider has no password here, and relies
		// on
		// the provider's multi-factor authentication
		model.addAttribute("passwordLogin", this.signIns.hasPasswordLogin(user.username()));
		model.addAttribute("enrollment", session.getAttribute(ENROLLMENT));
		return "dashboard/profile";
	}

	@PostMapping("/dashboard/user/2fa/start")
	String start(Principal principal, HttpSession session) {
		UserView user = currentUser(principal);
		session.setAttribute(ENROLLMENT, this.twoFactor.newEnrollment(user.username(), this.settings.site().name()));
		return "redirect:/dashboard/user";
	}

	@PostMapping("/dashboard/user/2fa/confirm")
	String confirm(@RequestParam(defaultValue = "") String code, Principal principal, HttpSession session,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		UserView user = currentUser(principal);
		@Nullable TwoFactorEnrollment enrollment = (TwoFactorEnrollment) session.getAttribute(ENROLLMENT);
		if (enrollment == null) {
			return "redirect:/dashboard/user";
		}
		if (!this.twoFactor.enable(user.id(), enrollment.secret(), code)) {
			redirect.addFlashAttribute("error", "invalid-code");
			return "redirect:/dashboard/user";
		}
		session.removeAttribute(ENROLLMENT);
		this.sessions.renew(request, response);
		redirect.addFlashAttribute("message", "two-factor-enabled");
		return "redirect:/dashboard/user";
	}

	@PostMapping("/dashboard/user/2fa/disable")
	String disable(@RequestParam(defaultValue = "") String code, Principal principal, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		UserView user = currentUser(principal);
		if (!this.twoFactor.verify(user.username(), code)) {
			redirect.addFlashAttribute("error", "invalid-code");
			return "redirect:/dashboard/user";
		}
		this.twoFactor.disable(user.id());
		this.sessions.renew(request, response);
		redirect.addFlashAttribute("message", "two-factor-disabled");
		return "redirect:/dashboard/user";
	}

	/**
	 * Changes the username and e-mail address; a new username needs a new login (the
	 * session's name is the old one).
	 */
	@PostMapping("/dashboard/user/profile")
	String changeProfile(@RequestParam(defaultValue = "") String username,
			@RequestParam(defaultValue = "") String email, Principal principal,
			jakarta.servlet.http.HttpServletRequest request, RedirectAttributes redirect) {
		UserView user = currentUser(principal);
		if (username.isBlank() || username.length() > 255 || !username.matches("[ -~]+")) {
			redirect.addFlashAttribute("error", "profile-username");
			return "redirect:/dashboard/user";
		}
		if (!EmailAddresses.isValid(email.strip())) {
			redirect.addFlashAttribute("error", "profile-email");
			return "redirect:/dashboard/user";
		}
		try {
			UserView changed = this.users.changeProfile(user.id(), username, email);
			if (!changed.username().equals(user.username())) {
				// The session holds the old name: log in again under the new one.
				org.springframework.security.core.context.SecurityContextHolder.clearContext();
				request.getSession().invalidate();
				return "redirect:/auth/login?renamed";
			}
			redirect.addFlashAttribute("message", "profile-changed");
		}
		catch (io.cachet.user.DuplicateUserException ex) {
			redirect.addFlashAttribute("error", "profile-taken");
		}
		return "redirect:/dashboard/user";
	}

	@PostMapping("/dashboard/user/password")
	String changePassword(@RequestParam(defaultValue = "") String currentPassword,
			@RequestParam(defaultValue = "") String newPassword,
			@RequestParam(defaultValue = "") String newPasswordConfirmation, Principal principal,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		UserView user = currentUser(principal);
		if (newPassword.length() < 8 || newPassword.length() > 72) {
			redirect.addFlashAttribute("error", "password-length");
		}
		else if (!newPassword.equals(newPasswordConfirmation)) {
			redirect.addFlashAttribute("error", "password-mismatch");
		}
		else if (!this.users.changePassword(user.id(), currentPassword, newPassword)) {
			redirect.addFlashAttribute("error", "password-wrong");
		}
		else {
			this.sessions.renew(request, response);
			redirect.addFlashAttribute("message", "password-changed");
		}
		return "redirect:/dashboard/user";
	}

	/**
	 * A new API token, shown once on the next page: the old one stops working.
	 */
	@PostMapping("/dashboard/user/api-token")
	String regenerateToken(Principal principal, RedirectAttributes redirect) {
		redirect.addFlashAttribute("apiToken", this.users.regenerateApiToken(currentUser(principal).id()));
		return "redirect:/dashboard/user";
	}

	private UserView currentUser(Principal principal) {
		return this.users.findByLogin(principal.getName()).orElseThrow();
	}

}
