package io.cachet.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

import io.cachet.notification.SaveWebhook;
import io.cachet.notification.WebhookFormat;

/**
 * {@code POST /api/v1/webhooks}: where to send events; the fields of
 * {@link WebhookRequest}. Without a {@code secret} one is made and shown once.
 */
@ApiRequest
record NewWebhookRequest(@NotNull @Size(max = 2048) @Nullable String url, @Size(max = 255) @Nullable String secret,
		@Size(max = 255) @Nullable String description, @Nullable String format,
		@JsonProperty("send_all_events") @Nullable Boolean sendAllEvents,
		@JsonDeserialize(using = WebhookEvents.class) @Nullable List<String> events, @Nullable Boolean enabled) {

	@JsonIgnore
	@AssertTrue(message = "The selected format is invalid (json, slack, discord or teams).")
	boolean isFormatKnown() {
		return this.format == null || WebhookFormat.fromValue(this.format).isPresent();
	}

	SaveWebhook command() {
		return new WebhookRequest(this.url, this.secret, this.description, this.format, this.sendAllEvents, this.events,
				this.enabled)
			.command();
	}

}
