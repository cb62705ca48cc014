package io.cachet.notification;

import java.util.Arrays;
import java.util.Optional;

/**
 * The body a webhook is sent: our own JSON, or the message format of a chat's incoming
 * webhooks.
 */
public enum WebhookFormat {

	JSON("json"), SLACK("slack"), DISCORD("discord"), TEAMS("teams");

	private final String value;

	WebhookFormat(String value) {
		this.value = value;
	}

	public String value() {
		return this.value;
	}

	public static Optional<WebhookFormat> fromValue(String value) {
		return Arrays.stream(values()).filter((format) -> format.value.equalsIgnoreCase(value)).findFirst();
	}

}
