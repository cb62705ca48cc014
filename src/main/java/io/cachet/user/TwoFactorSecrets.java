package io.cachet.user;

import java.util.List;

import io.cachet.crypto.SecretStore;
import io.cachet.crypto.StoredSecret;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The users' TOTP secrets ({@code users.google_2fa_secret}) as a {@link SecretStore}.
 */
@Component
class TwoFactorSecrets implements SecretStore {

	private final JdbcClient jdbc;

	TwoFactorSecrets(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<StoredSecret> secrets() {
		return this.jdbc
			.sql("SELECT id, username, google_2fa_secret FROM users WHERE google_2fa_secret IS NOT NULL "
					+ "AND google_2fa_secret <> '' ORDER BY id")
			.query((rs, row) -> new StoredSecret(rs.getString(1), "the two-factor secret of user " + rs.getString(2),
					rs.getString(3)))
			.list();
	}

	@Override
	public boolean replace(StoredSecret secret, String newValue) {
		return this.jdbc.sql("UPDATE users SET google_2fa_secret = ? WHERE id = ? AND google_2fa_secret = ?")
			.params(newValue, Long.parseLong(secret.id()), secret.value())
			.update() == 1;
	}

}
