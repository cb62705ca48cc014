package io.cachet.dashboard;

import java.util.List;
import java.util.Objects;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import io.cachet.notification.CreatedWebhook;
import io.cachet.notification.DeliveryAttemptView;
import io.cachet.notification.DeliveryLog;
import io.cachet.notification.DeliveryView;
import io.cachet.notification.NotificationKind;
import io.cachet.notification.SaveWebhook;
import io.cachet.notification.UpdatedWebhook;
import io.cachet.notification.WebhookFormat;
import io.cachet.notification.WebhookService;
import io.cachet.notification.WebhookView;
import io.cachet.shared.InvalidInputException;
import io.cachet.shared.ListQuery;

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
 * Webhooks (admins only: they make the server call any address and sign with a secret):
 * list, create (the URL and secret are shown once; afterwards the URL only as scheme and
 * host), edit (blank URL or secret: unchanged; a new URL without a secret gets a new
 * secret, shown once), delete, and each webhook's recent deliveries with their attempts.
 */
@Controller
@RequestMapping("/dashboard/webhooks")
class WebhooksController {

	private static final int DELIVERIES_SHOWN = 20;

	private final WebhookService webhooks;

	private final DeliveryLog log;

	WebhooksController(WebhookService webhooks, DeliveryLog log) {
		this.webhooks = webhooks;
		this.log = log;
	}

	/**
	 * The webhook form; a blank secret is made up on create and left unchanged on edit,
	 * and so is a blank URL on edit (the form never shows the saved URL: for chat
	 * webhooks it is the credential).
	 */
	record WebhookForm(@Size(max = 2048) @Nullable String url, @Size(max = 255) @Nullable String description,
			@NotBlank @Nullable String format, @Nullable Boolean sendAllEvents, @Nullable List<String> events,
			@Nullable Boolean enabled, @Size(max = 255) @Nullable String secret) {

		static WebhookForm from(WebhookView webhook) {
			return new WebhookForm("", webhook.description(), webhook.format().value(), webhook.sendAllEvents(),
					webhook.events(), webhook.enabled(), "");
		}

		public boolean takes(String event) {
			return this.events != null && this.events.contains(event);
		}

		SaveWebhook toCommand(WebhookFormat format) {
			return new SaveWebhook((this.url == null || this.url.isBlank()) ? null : this.url,
					(this.secret == null || this.secret.isBlank()) ? null : this.secret,
					Objects.requireNonNullElse(this.description, ""), format, Boolean.TRUE.equals(this.sendAllEvents),
					Objects.requireNonNullElse(this.events, List.of()), Boolean.TRUE.equals(this.enabled));
		}

	}

	record DeliveryWithAttempts(DeliveryView delivery, List<DeliveryAttemptView> attempts) {
	}

	@ModelAttribute("formats")
	WebhookFormat[] formats() {
		return WebhookFormat.values();
	}

	@ModelAttribute("eventNames")
	List<String> eventNames() {
		return NotificationKind.EVENTS.stream().map(NotificationKind::eventName).toList();
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("webhooks", this.webhooks.findWebhooks(ListQuery.all()).items());
		return "dashboard/webhooks";
	}

	@GetMapping("/create")
	String createForm(Model model) {
		model.addAttribute("form", new WebhookForm("", "", WebhookFormat.JSON.value(), true, List.of(), true, ""));
		model.addAttribute("webhookId", null);
		return "dashboard/webhook-form";
	}

	@PostMapping
	String save(@RequestParam(required = false) @Nullable Long id,
			@Valid @ModelAttribute("form") @Nullable WebhookForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (form == null) {
			// A value that could not even be converted (not one the form offers).
			redirect.addFlashAttribute("error", "The form could not be read; nothing was saved.");
			return "redirect:/dashboard/webhooks";
		}
		model.addAttribute("webhookId", id);
		WebhookFormat format = WebhookFormat.fromValue(Objects.requireNonNullElse(form.format(), "")).orElse(null);
		if (id == null && (form.url() == null || form.url().isBlank()) && !errors.hasFieldErrors("url")) {
			errors.rejectValue("url", "NotBlank", "must not be blank");
		}
		if (format == null && !errors.hasFieldErrors("format")) {
			errors.rejectValue("format", "invalid", "is not a known format");
		}
		if (errors.hasErrors() || format == null) {
			addDeliveries(id, model);
			addSavedUrl(id, model);
			return "dashboard/webhook-form";
		}
		try {
			if (id == null) {
				CreatedWebhook created = this.webhooks.createWebhook(form.toCommand(format));
				redirect.addFlashAttribute("secret", created.secret());
				redirect.addFlashAttribute("message", "Webhook " + created.webhook().url() + " created.");
			}
			else {
				UpdatedWebhook updated = this.webhooks.updateWebhook(id, form.toCommand(format));
				if (updated.newSecret() != null) {
					redirect.addFlashAttribute("secret", updated.newSecret());
				}
				redirect.addFlashAttribute("message", "Webhook " + updated.webhook().redactedUrl() + " saved.");
			}
		}
		catch (InvalidInputException ex) {
			errors.reject("invalid", String.join(" ", ex.details()));
			addDeliveries(id, model);
			addSavedUrl(id, model);
			return "dashboard/webhook-form";
		}
		return "redirect:/dashboard/webhooks";
	}

	@GetMapping("/{id}")
	String edit(@PathVariable long id, Model model) {
		model.addAttribute("form", WebhookForm.from(this.webhooks.getWebhook(id)));
		model.addAttribute("webhookId", id);
		addDeliveries(id, model);
		addSavedUrl(id, model);
		return "dashboard/webhook-form";
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		this.webhooks.deleteWebhook(id);
		redirect.addFlashAttribute("message", "Webhook deleted.");
		return "redirect:/dashboard/webhooks";
	}

	private void addSavedUrl(@Nullable Long id, Model model) {
		if (id != null) {
			model.addAttribute("savedUrl", this.webhooks.getWebhook(id).redactedUrl());
		}
	}

	private void addDeliveries(@Nullable Long id, Model model) {
		if (id == null) {
			return;
		}
		model.addAttribute("deliveries",
				this.log.webhookDeliveries(id, 1, DELIVERIES_SHOWN)
					.items()
					.stream()
					.map((delivery) -> new DeliveryWithAttempts(delivery, this.log.attempts(delivery.id())))
					.toList());
	}

}
