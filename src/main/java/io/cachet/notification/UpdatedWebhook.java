package io.cachet.notification;

import org.jspecify.annotations.Nullable;

/**
 * A webhook just changed.
 *
 * @param newSecret the secret its bodies are signed with from now on, when the change
 * made a new one (the webhook was re-pointed without a secret given): shown this once;
 * {@code null} when the secret did not change or the caller chose it
 */
public record UpdatedWebhook(WebhookView webhook, @Nullable String newSecret) {

}
