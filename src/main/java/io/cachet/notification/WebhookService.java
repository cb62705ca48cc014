package io.cachet.notification;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.cachet.audit.AuditAction;
import io.cachet.audit.AuditSubject;
import io.cachet.audit.RecordChanged;
import io.cachet.notification.internal.WebhookRepository;
import io.cachet.outbound.OutboundPolicy;
import io.cachet.shared.InvalidInputException;
import io.cachet.shared.ListQuery;
import io.cachet.shared.PageResult;

/**
 * The webhooks the team has set up. Only http and https addresses the owner typed in are
 * ever called, and only those the outbound policy allows.
 */
@Service
public class WebhookService {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final WebhookRepository webhooks;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final OutboundPolicy outbound;

	WebhookService(WebhookRepository webhooks, ApplicationEventPublisher events, Clock clock, OutboundPolicy outbound) {
		this.webhooks = webhooks;
		this.events = events;
		this.clock = clock;
		this.outbound = outbound;
	}

	@Transactional(readOnly = true)
	public PageResult<WebhookView> findWebhooks(ListQuery query) {
		return this.webhooks.page(query);
	}

	/**
	 * @throws WebhookNotFoundException for an unknown webhook
	 */
	@Transactional(readOnly = true)
	public WebhookView getWebhook(long id) {
		return this.webhooks.findById(id).orElseThrow(() -> new WebhookNotFoundException(id));
	}

	/**
	 * @throws InvalidInputException for a missing or bad URL, an unknown format or event
	 */
	@Transactional
	public CreatedWebhook createWebhook(SaveWebhook command) {
		Instant now = now();
		String secret = (command.secret() != null && !command.secret().isBlank()) ? checkSecret(command.secret())
				: newSecret();
		WebhookView webhook = new WebhookView(0, checkUrl(command.url()),
				checkDescription(Objects.requireNonNullElse(command.description(), "")),
				Objects.requireNonNullElse(command.format(), WebhookFormat.JSON),
				Objects.requireNonNullElse(command.sendAllEvents(), command.events() == null),
				checkEvents(Objects.requireNonNullElse(command.events(), List.of())),
				Objects.requireNonNullElse(command.enabled(), true), now, now);
		checkChosen(webhook);
		long id = this.webhooks.insert(webhook, secret);
		this.events.publishEvent(RecordChanged.numbered(AuditSubject.WEBHOOK, id, AuditAction.CREATED));
		return new CreatedWebhook(getWebhook(id), secret);
	}

	/**
	 * Changes a webhook. Re-pointing it (a new URL) without a secret gives it a new
	 * secret, returned this once: the old one was shared with the old address, and must
	 * not sign what goes to the new one.
	 * @throws WebhookNotFoundException for an unknown webhook
	 * @throws InvalidInputException for a bad URL, an unknown format or event
	 */
	@Transactional
	public UpdatedWebhook updateWebhook(long id, SaveWebhook command) {
		WebhookView current = getWebhook(id);
		String url = (command.url() != null) ? checkUrl(command.url()) : current.url();
		boolean given = command.secret() != null && !command.secret().isBlank();
		boolean repointed = !url.equals(current.url());
		String newSecret = given ? null : (repointed ? newSecret() : null);
		// null keeps the stored secret as it is (encrypted: it need not be readable here)
		String secret = given ? checkSecret(command.secret()) : newSecret;
		WebhookView changed = new WebhookView(id, url,
				(command.description() != null) ? checkDescription(command.description()) : current.description(),
				Objects.requireNonNullElse(command.format(), current.format()),
				Objects.requireNonNullElse(command.sendAllEvents(), current.sendAllEvents()),
				(command.events() != null) ? checkEvents(command.events()) : current.events(),
				Objects.requireNonNullElse(command.enabled(), current.enabled()), current.createdAt(), now());
		checkChosen(changed);
		this.webhooks.update(changed, secret);
		this.events.publishEvent(RecordChanged.numbered(AuditSubject.WEBHOOK, id, AuditAction.UPDATED));
		return new UpdatedWebhook(getWebhook(id), newSecret);
	}

	/**
	 * Deletes a webhook; calls still queued for it are cancelled, its delivery log stays.
	 * @throws WebhookNotFoundException for an unknown webhook
	 */
	@Transactional
	public void deleteWebhook(long id) {
		getWebhook(id);
		this.webhooks.cancelQueued(id, now());
		this.webhooks.delete(id);
		this.events.publishEvent(RecordChanged.numbered(AuditSubject.WEBHOOK, id, AuditAction.DELETED));
	}

	/**
	 * @return the key this webhook's bodies are signed with
	 */
	@Transactional(readOnly = true)
	public String secretOf(long id) {
		return this.webhooks.findSecret(id).orElseThrow(() -> new WebhookNotFoundException(id));
	}

	/**
	 * @throws io.cachet.outbound.OutboundNotAllowedException for an address the outbound
	 * policy forbids (checked again at each call)
	 */
	private String checkUrl(@Nullable String url) {
		if (url == null || url.isBlank()) {
			throw new InvalidInputException("The url field is required.");
		}
		String trimmed = url.strip();
		try {
			URI uri = new URI(trimmed);
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
					|| trimmed.length() > 2048) {
				throw new InvalidInputException("The url must be an http or https address.");
			}
		}
		catch (URISyntaxException ex) {
			throw new InvalidInputException("The url must be an http or https address.");
		}
		this.outbound.checkUrl(trimmed, OutboundPolicy.Purpose.INTEGRATION);
		return trimmed;
	}

	private static String checkSecret(String secret) {
		if (secret.length() > 255) {
			throw new InvalidInputException("The secret may not be greater than 255 characters.");
		}
		return secret;
	}

	private static String checkDescription(String description) {
		if (description.length() > 255) {
			throw new InvalidInputException("The description may not be greater than 255 characters.");
		}
		return description.strip();
	}

	private static List<String> checkEvents(List<String> events) {
		List<String> unknown = new ArrayList<>();
		LinkedHashSet<String> chosen = new LinkedHashSet<>();
		for (String event : events) {
			NotificationKind kind = NotificationKind.fromEventName(event.strip()).orElse(null);
			if (kind == null || !kind.isEvent()) {
				unknown.add(event);
			}
			else {
				chosen.add(kind.eventName());
			}
		}
		if (!unknown.isEmpty()) {
			throw new InvalidInputException("Unknown events: " + String.join(", ", unknown) + ". Known events: "
					+ String.join(", ", NotificationKind.EVENTS.stream().map(NotificationKind::eventName).toList())
					+ ".");
		}
		return List.copyOf(chosen);
	}

	private static void checkChosen(WebhookView webhook) {
		if (!webhook.sendAllEvents() && webhook.events().isEmpty()) {
			throw new InvalidInputException("Choose at least one event, or all events.");
		}
	}

	private static String newSecret() {
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
