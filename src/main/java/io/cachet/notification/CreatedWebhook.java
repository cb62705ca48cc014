package io.cachet.notification;

/**
 * A webhook just made, with the secret its bodies are signed with (shown this once).
 */
public record CreatedWebhook(WebhookView webhook, String secret) {

}
