package io.cachet.notification;

import java.util.List;

import io.cachet.crypto.SecretStore;
import io.cachet.crypto.StoredSecret;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The webhooks' signing secrets ({@code webhooks.secret}) as a {@link SecretStore}.
 */
@Component
class WebhookSecrets implements SecretStore {

	private final JdbcClient jdbc;

	WebhookSecrets(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<StoredSecret> secrets() {
		return this.jdbc.sql("SELECT id, secret FROM webhooks WHERE secret <> '' ORDER BY id")
			.query((rs, row) -> new StoredSecret(rs.getString(1), "the signing secret of webhook " + rs.getLong(1),
					rs.getString(2)))
			.list();
	}

	@Override
	public boolean replace(StoredSecret secret, String newValue) {
		return this.jdbc.sql("UPDATE webhooks SET secret = ? WHERE id = ? AND secret = ?")
			.params(newValue, Long.parseLong(secret.id()), secret.value())
			.update() == 1;
	}

}
