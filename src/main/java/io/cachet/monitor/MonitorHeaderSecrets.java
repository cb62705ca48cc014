package io.cachet.monitor;

import io.cachet.crypto.ColumnSecretStore;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The HTTP monitors' request headers ({@code monitors.headers}, one JSON object per
 * monitor, often holding an {@code Authorization} value) as a
 * {@link io.cachet.crypto.SecretStore}, so that headers stored before encryption are
 * encrypted at the next start and a key rotation re-encrypts them.
 */
@Component
class MonitorHeaderSecrets extends ColumnSecretStore {

	MonitorHeaderSecrets(JdbcClient jdbc) {
		super(jdbc, "monitors", "headers", "id", "the request headers of monitor ");
	}

}
