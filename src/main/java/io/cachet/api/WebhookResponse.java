package io.cachet.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import io.cachet.notification.WebhookView;

/**
 * A webhook as {@code /api/v1/webhooks} shows it (our extension to Cachet 2.4's API). The
 * full URL and the secret appear only in the answer to the create call (and a secret made
 * up by re-pointing it, in the answer to that update); every other answer has the URL cut
 * to its scheme and host ({@code https://hooks.slack.com/…}): for Slack, Discord or Teams
 * the URL is the credential.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record WebhookResponse(long id, String url, String description, String format,
		@JsonProperty("send_all_events") boolean sendAllEvents, List<String> events, boolean enabled,
		@JsonProperty("created_at") @Nullable String createdAt, @JsonProperty("updated_at") @Nullable String updatedAt,
		@Nullable String secret) {

	static WebhookResponse created(WebhookView webhook, ApiTimes times, String secret) {
		return of(webhook, webhook.url(), times, secret);
	}

	static WebhookResponse of(WebhookView webhook, ApiTimes times, @Nullable String secret) {
		return of(webhook, webhook.redactedUrl(), times, secret);
	}

	private static WebhookResponse of(WebhookView webhook, String url, ApiTimes times, @Nullable String secret) {
		return new WebhookResponse(webhook.id(), url, webhook.description(), webhook.format().value(),
				webhook.sendAllEvents(), webhook.events(), webhook.enabled(), times.format(webhook.createdAt()),
				times.format(webhook.updatedAt()), secret);
	}

}
