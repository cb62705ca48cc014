package io.cachet.dashboard;

import java.io.IOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.cachet.outbound.OutboundNotAllowedException;
import io.cachet.outbound.OutboundPolicy;
import io.cachet.settings.SettingsService;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The settings pages (admins only, enforced in the security configuration): every field
 * of a section is checked before any is saved, and the form comes back with the input and
 * the errors when one is wrong.
 */
@Controller
class SettingsController {

	private static final Set<String> BANNER_TYPES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

	private static final long MAX_BANNER_BYTES = 1024 * 1024;

	private final SettingsService settings;

	private final SettingsWriter writer;

	private final io.cachet.mail.MailService mail;

	private final io.cachet.user.UserService users;

	private final OutboundPolicy outbound;

	private final io.cachet.crypto.SecretsAtRest secrets;

	SettingsController(SettingsService settings, SettingsWriter writer, io.cachet.mail.MailService mail,
			io.cachet.user.UserService users, OutboundPolicy outbound, io.cachet.crypto.SecretsAtRest secrets) {
		this.outbound = outbound;
		this.settings = settings;
		this.writer = writer;
		this.mail = mail;
		this.users = users;
		this.secrets = secrets;
	}

	@GetMapping("/dashboard/settings")
	String index() {
		return "redirect:/dashboard/settings/setup";
	}

	@GetMapping("/dashboard/settings/{section}")
	String show(@PathVariable String section, Model model) {
		SettingsSection found = section(section);
		Map<String, String> values = new LinkedHashMap<>();
		found.fields()
			.forEach((field) -> values.put(field.key(), this.settings.get(field.key(), field.defaultValue())));
		return view(found, values, Map.of(), model);
	}

	@PostMapping("/dashboard/settings/{section}")
	String save(@PathVariable String section, @RequestParam Map<String, String> submitted,
			@RequestParam(name = "app_banner_file", required = false) @Nullable MultipartFile banner,
			@RequestParam(name = "remove_banner", required = false) @Nullable String removeBanner, Model model,
			RedirectAttributes redirect) throws IOException {
		SettingsSection found = section(section);
		Map<String, String> values = new LinkedHashMap<>();
		Map<String, String> errors = new LinkedHashMap<>();
		for (SettingField field : found.fields()) {
			SettingField.Result result = field.normalize(submitted.get(field.key()));
			values.put(field.key(), (result.value() != null) ? result.value()
					: String.valueOf(submitted.getOrDefault(field.key(), "")));
			result.errorMessage().ifPresent((error) -> errors.put(field.key(), field.label() + " " + error));
		}
		if (found.fields().stream().anyMatch((field) -> field.key().equals(OutboundPolicy.SETTING))) {
			List<String> bad = OutboundPolicy.invalidEntries(values.getOrDefault(OutboundPolicy.SETTING, ""));
			if (!bad.isEmpty()) {
				errors.put(OutboundPolicy.SETTING, "Outbound allow-list: " + String.join("; ", bad));
			}
		}
		String bannerData = null;
		if (found == SettingsSection.THEME && banner != null && !banner.isEmpty()) {
			if (!BANNER_TYPES.contains(banner.getContentType()) || banner.getSize() > MAX_BANNER_BYTES) {
				errors.put("app_banner", "The banner must be a PNG, JPEG, GIF or WebP image of at most 1 MB");
			}
			else {
				bannerData = Base64.getEncoder().encodeToString(banner.getBytes());
				values.put("app_banner_type", banner.getContentType());
			}
		}
		if (!errors.isEmpty()) {
			return view(found, values, errors, model);
		}
		if (bannerData != null) {
			values.put("app_banner", bannerData);
		}
		else if (found == SettingsSection.THEME && removeBanner != null) {
			values.put("app_banner", "");
		}
		// An empty password field keeps the stored secret.
		found.fields()
			.stream()
			.filter((field) -> field.kind() == SettingField.Kind.PASSWORD)
			.filter((field) -> values.getOrDefault(field.key(), "").isEmpty())
			.forEach((field) -> values.remove(field.key()));
		this.writer.saveAll(values);
		redirect.addFlashAttribute("message", found.title() + " settings saved.");
		return "redirect:/dashboard/settings/" + found.path();
	}

	/**
	 * Sends a test message to the signed-in admin with the saved mail settings. The SMTP
	 * server typed in on the dashboard must pass the outbound policy: otherwise the test
	 * would tell an admin which internal hosts answer on which ports.
	 */
	@PostMapping("/dashboard/settings/mail/test")
	String sendTestMail(java.security.Principal principal, RedirectAttributes redirect) {
		String to = this.users.findByLogin(principal.getName()).map(io.cachet.user.UserView::email).orElseThrow();
		String host = this.settings.site().mail().host().strip();
		try {
			if (this.mail.usesDashboardSettings() && !host.isEmpty()) {
				this.outbound.checkHost(host, OutboundPolicy.Purpose.INTEGRATION);
			}
		}
		catch (OutboundNotAllowedException ex) {
			redirect.addFlashAttribute("mailError", "The test message was not sent: " + ex.getMessage());
			return "redirect:/dashboard/settings/mail";
		}
		try {
			this.mail.send(to, "Test message from " + this.settings.site().name(),
					"Your status page can send e-mail. This is the test message you asked for.");
			redirect.addFlashAttribute("message", "A test message was sent to " + to + ".");
		}
		catch (RuntimeException ex) {
			// The cause helps the admin fix the settings; it never holds the password.
			redirect.addFlashAttribute("mailError", "The test message could not be sent: " + rootMessage(ex));
		}
		return "redirect:/dashboard/settings/mail";
	}

	private static String rootMessage(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return String.valueOf(cause.getMessage());
	}

	private String view(SettingsSection section, Map<String, String> values, Map<String, String> errors, Model model) {
		model.addAttribute("section", section);
		model.addAttribute("sections", SettingsSection.values());
		model.addAttribute("values", values);
		model.addAttribute("errors", errors);
		model.addAttribute("hasBanner", !this.settings.site().page().banner().isBlank());
		model.addAttribute("unreadableSecrets", this.secrets.unreadable());
		return "dashboard/settings";
	}

	private static SettingsSection section(String path) {
		return SettingsSection.of(path).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
