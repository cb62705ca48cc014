package io.cachet.notification;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The fields of a webhook to create ({@code url} required) or change ({@code null} leaves
 * a field unchanged).
 *
 * @param secret the key bodies are signed with; made up when a webhook is created without
 * one
 */
public record SaveWebhook(@Nullable String url, @Nullable String secret, @Nullable String description,
		@Nullable WebhookFormat format, @Nullable Boolean sendAllEvents, @Nullable List<String> events,
		@Nullable Boolean enabled) {

}
