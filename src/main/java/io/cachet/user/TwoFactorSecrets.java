package io.cachet.user;

import io.cachet.crypto.ColumnSecretStore;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The users' TOTP secrets ({@code users.google_2fa_secret}) as a
 * {@link io.cachet.crypto.SecretStore}.
 */
@Component
class TwoFactorSecrets extends ColumnSecretStore {

	TwoFactorSecrets(JdbcClient jdbc) {
		super(jdbc, "users", "google_2fa_secret", "username", "the two-factor secret of user ");
	}

}
