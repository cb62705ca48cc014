package io.cachet.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;

import io.cachet.sso.LoginFailures;
import io.cachet.sso.SignInOptions;
import io.cachet.sso.SsoSecurity;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The login page and the two-factor code step (the password check itself is Spring
 * Security's form login).
 */
@Controller
class AuthController {

	private final TwoFactorLoginHandler twoFactor;

	private final SsoSecurity sso;

	AuthController(TwoFactorLoginHandler twoFactor, SsoSecurity sso) {
		this.twoFactor = twoFactor;
		this.sso = sso;
	}

	/**
	 * The login page: the "Sign in with …" buttons, the password form (folded away when
	 * only the break-glass admin may use it) and why the last attempt failed.
	 */
	@GetMapping("/auth/login")
	String login(@RequestParam(required = false) @Nullable String refused,
			@RequestParam(required = false) @Nullable String unreachable, Model model) {
		SignInOptions options = this.sso.signInOptions();
		model.addAttribute("signIn", options);
		model.addAttribute("refusal", LoginFailures.refusalMessage(refused));
		if (unreachable != null) {
			String name = "ldap".equals(unreachable) ? options.directoryName() : options.displayName(unreachable);
			model.addAttribute("unreachable", (name != null) ? name : "The identity provider");
		}
		return "dashboard/login";
	}

	@GetMapping("/auth/2fa")
	String codeForm(HttpServletRequest request) {
		return (TwoFactorLoginHandler.pending(request) != null) ? "dashboard/two-factor" : "redirect:/auth/login";
	}

	@PostMapping("/auth/2fa")
	String code(@RequestParam(defaultValue = "") String code, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		if (TwoFactorLoginHandler.pending(request) == null) {
			return "redirect:/auth/login";
		}
		if (this.twoFactor.isThrottled(request)) {
			model.addAttribute("error", "throttled");
			return "dashboard/two-factor";
		}
		try {
			if (!this.twoFactor.completeWithCode(request, response, code)) {
				model.addAttribute("error", "invalid");
				return "dashboard/two-factor";
			}
		}
		catch (io.cachet.crypto.UnreadableSecretException ex) {
			// the server's key changed: no code can match, and the user cannot fix it
			model.addAttribute("error", "unreadable");
			return "dashboard/two-factor";
		}
		return "redirect:/dashboard";
	}

}
