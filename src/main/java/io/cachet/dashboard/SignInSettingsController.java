package io.cachet.dashboard;

import io.cachet.sso.SignInSettings;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The "Sign-in" settings (admins only, as every settings page): the configured sign-in
 * methods, read-only as they come from the environment, and the directory's connection
 * test.
 */
@Controller
class SignInSettingsController {

	private final SignInSettings signIn;

	SignInSettingsController(SignInSettings signIn) {
		this.signIn = signIn;
	}

	@GetMapping("/dashboard/settings/sign-in")
	String show(Model model) {
		model.addAttribute("sections", SettingsSection.values());
		model.addAttribute("signIn", this.signIn.summary());
		return "dashboard/settings-sign-in";
	}

	/**
	 * Connects to the directory and binds, within its timeouts; the outcome comes back on
	 * the page, a failure included.
	 */
	@PostMapping("/dashboard/settings/sign-in/test-ldap")
	String testDirectory(RedirectAttributes redirect) {
		SignInSettings.DirectoryCheck check = this.signIn.testDirectory();
		redirect.addFlashAttribute(check.ok() ? "message" : "testError", check.message());
		return "redirect:/dashboard/settings/sign-in";
	}

}
