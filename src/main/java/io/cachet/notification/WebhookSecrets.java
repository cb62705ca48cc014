package io.cachet.notification;

import io.cachet.crypto.ColumnSecretStore;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The webhooks' signing secrets ({@code webhooks.secret}) as a
 * {@link io.cachet.crypto.SecretStore}.
 */
@Component
class WebhookSecrets extends ColumnSecretStore {

	WebhookSecrets(JdbcClient jdbc) {
		super(jdbc, "webhooks", "secret", "id", "the signing secret of webhook ");
	}

}
