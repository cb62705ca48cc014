package io.cachet.notification;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.cachet.outbound.OutboundHttp;
import io.cachet.outbound.OutboundPolicy;
import io.cachet.outbound.OutboundRequest;
import io.cachet.outbound.OutboundResponse;
import io.cachet.settings.PublicAddress;
import io.cachet.settings.SettingsService;
import io.cachet.settings.SiteSettings;

/**
 * Calls webhooks: a JSON POST whose body is signed with HMAC-SHA256 under the webhook's
 * secret, in {@code X-Cachet-Signature: sha256=<hex>}. The receiver recomputes the HMAC
 * of the raw body and compares. {@code X-Cachet-Event} names the event and
 * {@code X-Cachet-Delivery} identifies the delivery (the same on every retry, so a
 * receiver can drop repeats).
 * <p>
 * The call goes through {@link OutboundHttp}: an address the outbound policy forbids
 * fails the delivery with the policy's reason, redirects are not followed, and the
 * answer's body is not read.
 */
@Component
class WebhookChannel {

	static final String SIGNATURE_HEADER = "X-Cachet-Signature";

	private final OutboundHttp http;

	private final NotificationProperties properties;

	private final WebhookService webhooks;

	private final SettingsService settings;

	private final PublicAddress address;

	private final MessageSource messages;

	private final JsonMapper json;

	WebhookChannel(NotificationProperties properties, WebhookService webhooks, SettingsService settings,
			PublicAddress address, MessageSource messages, OutboundHttp http, JsonMapper json) {
		this.json = json;
		this.properties = properties;
		this.webhooks = webhooks;
		this.settings = settings;
		this.address = address;
		this.messages = messages;
		this.http = http;
	}

	/**
	 * @return the outcome; never throws for a failed call
	 */
	Result call(WebhookView webhook, long deliveryId, long notificationId, NotificationContent content) {
		long started = System.nanoTime();
		try {
			SiteSettings site = this.settings.site();
			String pageName = site.name();
			Locale locale = site.locale();
			String status = content.statusKey().isEmpty() ? ""
					: this.messages.getMessage(content.statusKey(), null, content.statusName(), locale);
			String summary = this.messages.getMessage("notification.subject." + content.kind(),
					new Object[] { pageName, content.title(), status }, content.title(), locale);
			String colour = EmailComposer.colour(site.theme(), content.colour());
			byte[] body = this.json.writeValueAsBytes(WebhookPayloads.body(webhook.format(), content, notificationId,
					summary, colour, pageName, this.address.baseUrl()));
			OutboundRequest request = OutboundRequest
				.post(URI.create(webhook.url()), OutboundPolicy.Purpose.INTEGRATION, body, "application/json")
				.withTimeout(this.properties.webhookTimeout())
				.withHeaders(Map.of("User-Agent", "Cachet-JVM-Webhook", "X-Cachet-Event", content.kind(),
						"X-Cachet-Delivery", String.valueOf(deliveryId), SIGNATURE_HEADER,
						"sha256=" + sign(body, this.webhooks.secretOf(webhook.id()))));
			OutboundResponse response = this.http.send(request);
			int code = response.status();
			return new Result(code >= 200 && code < 300, code, (code >= 200 && code < 300) ? null : "HTTP " + code,
					elapsed(started));
		}
		catch (IOException | RuntimeException ex) {
			String message = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
			// the log is read by people who may not see the URL (its credential)
			return new Result(false, null, message.replace(webhook.url(), webhook.redactedUrl()), elapsed(started));
		}
	}

	static String sign(byte[] body, String secret) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	private static long elapsed(long started) {
		return (System.nanoTime() - started) / 1_000_000;
	}

	record Result(boolean success, @Nullable Integer statusCode, @Nullable String error, long durationMs) {

	}

}
