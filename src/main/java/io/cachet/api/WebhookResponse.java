package io.cachet.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import io.cachet.notification.WebhookView;

/**
 * A webhook as {@code /api/v1/webhooks} shows it (our extension to Cachet 2.4's API). The
 * secret appears only in the answer to the create call.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record WebhookResponse(long id, String url, String description, String format,
		@JsonProperty("send_all_events") boolean sendAllEvents, List<String> events, boolean enabled,
		@JsonProperty("created_at") @Nullable String createdAt, @JsonProperty("updated_at") @Nullable String updatedAt,
		@Nullable String secret) {

	static WebhookResponse of(WebhookView webhook, ApiTimes times, @Nullable String secret) {
		return new WebhookResponse(webhook.id(), webhook.url(), webhook.description(), webhook.format().value(),
				webhook.sendAllEvents(), webhook.events(), webhook.enabled(), times.format(webhook.createdAt()),
				times.format(webhook.updatedAt()), secret);
	}

}
