package io.cachet.monitor;

import java.util.List;

import io.cachet.crypto.SecretStore;
import io.cachet.crypto.StoredSecret;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The HTTP monitors' request headers ({@code monitors.headers}, one JSON object per
 * monitor, often holding an {@code Authorization} value) as a {@link SecretStore}, so
 * that headers stored before encryption are encrypted at the next start and a key
 * rotation re-encrypts them.
 */
@Component
class MonitorHeaderSecrets implements SecretStore {

	private final JdbcClient jdbc;

	MonitorHeaderSecrets(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<StoredSecret> secrets() {
		return this.jdbc.sql("SELECT id, headers FROM monitors WHERE headers IS NOT NULL AND headers <> '' ORDER BY id")
			.query((rs, row) -> new StoredSecret(rs.getString(1), "the request headers of monitor " + rs.getLong(1),
					rs.getString(2)))
			.list();
	}

	@Override
	public boolean replace(StoredSecret secret, String newValue) {
		return this.jdbc.sql("UPDATE monitors SET headers = ? WHERE id = ? AND headers = ?")
			.params(newValue, Long.parseLong(secret.id()), secret.value())
			.update() == 1;
	}

}
