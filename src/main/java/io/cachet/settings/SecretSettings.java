package io.cachet.settings;

import java.util.List;

import io.cachet.crypto.SecretStore;
import io.cachet.crypto.StoredSecret;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The secret settings ({@link SettingsService#SECRETS}) as a {@link SecretStore}.
 */
@Component
class SecretSettings implements SecretStore {

	private final JdbcClient jdbc;

	private final SettingsService settings;

	SecretSettings(JdbcClient jdbc, SettingsService settings) {
		this.jdbc = jdbc;
		this.settings = settings;
	}

	@Override
	public List<StoredSecret> secrets() {
		return this.jdbc.sql("SELECT name, setting_value FROM settings WHERE name IN (:names) ORDER BY name")
			.param("names", SettingsService.SECRETS)
			.query((rs, row) -> new StoredSecret(rs.getString(1), "the setting " + rs.getString(1),
					(rs.getString(2) != null) ? rs.getString(2) : ""))
			.list()
			.stream()
			.filter((secret) -> !secret.value().isEmpty())
			.toList();
	}

	@Override
	public boolean replace(StoredSecret secret, String newValue) {
		boolean replaced = this.jdbc.sql("UPDATE settings SET setting_value = ? WHERE name = ? AND setting_value = ?")
			.params(newValue, secret.id(), secret.value())
			.update() == 1;
		// the clear values in memory are the same; what could be read may have changed
		this.settings.forgetCached();
		return replaced;
	}

}
