package io.cachet.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

import io.cachet.notification.SaveWebhook;
import io.cachet.notification.WebhookFormat;

/**
 * {@code PUT /api/v1/webhooks/{id}} (and the fields of {@link NewWebhookRequest}): a
 * field that is absent or {@code null} is left as it is. {@code format} is json, slack,
 * discord or teams; {@code events} a list or "a, b".
 */
@ApiRequest
record WebhookRequest(@Size(max = 2048) @Nullable String url, @Size(max = 255) @Nullable String secret,
		@Size(max = 255) @Nullable String description, @Nullable String format,
		@JsonProperty("send_all_events") @Nullable Boolean sendAllEvents,
		@JsonDeserialize(using = WebhookEvents.class) @Nullable List<String> events, @Nullable Boolean enabled) {

	@JsonIgnore
	@AssertTrue(message = "The selected format is invalid (json, slack, discord or teams).")
	boolean isFormatKnown() {
		return this.format == null || WebhookFormat.fromValue(this.format).isPresent();
	}

	SaveWebhook command() {
		return new SaveWebhook(this.url, this.secret, this.description,
				(this.format != null) ? WebhookFormat.fromValue(this.format).orElse(null) : null, this.sendAllEvents,
				this.events, this.enabled);
	}

}
