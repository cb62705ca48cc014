package io.cachet.notification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import io.cachet.crypto.SecretCipher;
import io.cachet.notification.WebhookFormat;
import io.cachet.notification.WebhookView;
import io.cachet.shared.ListQuery;
import io.cachet.shared.PageResult;
import io.cachet.shared.SqlListQueries;

/**
 * The {@code webhooks} table. The signing secret is stored encrypted
 * ({@link SecretCipher}) and leaves this class only in clear, to sign with.
 */
@Repository
public class WebhookRepository {

	private static final String SELECT = "SELECT w.id, w.url, w.description, w.format, w.send_all_events, w.events, "
			+ "w.enabled, w.created_at, w.updated_at FROM webhooks w";

	private final JdbcClient jdbc;

	private final SecretCipher cipher;

	WebhookRepository(JdbcClient jdbc, SecretCipher cipher) {
		this.jdbc = jdbc;
		this.cipher = cipher;
	}

	public PageResult<WebhookView> page(ListQuery query) {
		return SqlListQueries.page(this.jdbc, SELECT, List.of(), List.of(),
				Map.of("id", "w.id", "url", "w.url", "created_at", "w.created_at"), "w.id ASC", query,
				WebhookRepository::row);
	}

	public Optional<WebhookView> findById(long id) {
		return this.jdbc.sql(SELECT + " WHERE w.id = ?").param(id).query(WebhookRepository::row).optional();
	}

	/**
	 * @return the signing secret in clear
	 * @throws io.cachet.crypto.UnreadableSecretException when it was stored under another
	 * encryption key
	 */
	public Optional<String> findSecret(long id) {
		return this.jdbc.sql("SELECT secret FROM webhooks WHERE id = ?")
			.param(id)
			.query(String.class)
			.optional()
			.map((stored) -> this.cipher.decrypt(stored, "The signing secret of webhook " + id));
	}

	public long insert(WebhookView webhook, String secret) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO webhooks (url, secret, description, format, send_all_events, events, enabled, "
					+ "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(webhook.url(), this.cipher.encrypt(secret), webhook.description(), webhook.format().value(),
					webhook.sendAllEvents(), events(webhook.events()), webhook.enabled(),
					Timestamp.from(webhook.createdAt()), Timestamp.from(webhook.updatedAt()))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	/**
	 * @param secret the new signing secret in clear, {@code null} to keep the stored one
	 * (as it is stored: one no key opens is kept for the admin to fix the key)
	 */
	public void update(WebhookView webhook, @Nullable String secret) {
		this.jdbc
			.sql("UPDATE webhooks SET url = ?, secret = COALESCE(?, secret), description = ?, format = ?, "
					+ "send_all_events = ?, events = ?, enabled = ?, updated_at = ? WHERE id = ?")
			.params(webhook.url(), (secret != null) ? this.cipher.encrypt(secret) : null, webhook.description(),
					webhook.format().value(), webhook.sendAllEvents(), events(webhook.events()), webhook.enabled(),
					Timestamp.from(webhook.updatedAt()), webhook.id())
			.update();
	}

	public void delete(long id) {
		this.jdbc.sql("DELETE FROM webhooks WHERE id = ?").param(id).update();
	}

	public void cancelQueued(long webhookId, Instant now) {
		this.jdbc
			.sql("UPDATE deliveries SET status = 'cancelled', last_error = 'The webhook was deleted' "
					+ "WHERE channel = 'webhook' AND recipient_id = ? AND status = 'queued'")
			.param(webhookId)
			.update();
	}

	private static String events(List<String> events) {
		return events.isEmpty() ? "" : "," + String.join(",", events) + ",";
	}

	private static WebhookView row(ResultSet rs, int row) throws SQLException {
		List<String> events = Arrays.stream(rs.getString("events").split(",")).filter((e) -> !e.isBlank()).toList();
		return new WebhookView(rs.getLong("id"), rs.getString("url"), rs.getString("description"),
				WebhookFormat.fromValue(rs.getString("format")).orElse(WebhookFormat.JSON),
				rs.getBoolean("send_all_events"), events, rs.getBoolean("enabled"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}

}
