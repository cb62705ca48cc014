package io.cachet.notification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.cachet.notification.DeliveryAttemptView;
import io.cachet.notification.DeliveryView;
import io.cachet.notification.NotificationSummary;
import io.cachet.notification.WebhookView;

/**
 * Reading the delivery log, and queueing failed deliveries again.
 */
@Repository
public class DeliveryLogRepository {

	private static final String DELIVERY = "SELECT d.id, d.notification_id, n.kind, d.channel, d.recipient_id, "
			+ "COALESCE(s.email, w.url, '') AS recipient, d.status, d.attempts, d.last_status_code, d.last_error, "
			+ "d.last_attempt_at, d.sent_at, d.next_attempt_at FROM deliveries d "
			+ "JOIN notifications n ON n.id = d.notification_id "
			+ "LEFT JOIN subscribers s ON d.channel = 'email' AND s.id = d.recipient_id "
			+ "LEFT JOIN webhooks w ON d.channel = 'webhook' AND w.id = d.recipient_id";

	private final JdbcClient jdbc;

	DeliveryLogRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<NotificationSummary> recent(int limit) {
		List<Object[]> rows = this.jdbc
			.sql("SELECT id, kind, content, state, created_at FROM notifications ORDER BY id DESC")
			.withMaxRows(limit)
			.query((rs,
					row) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
							rs.getTimestamp(5).toInstant() })
			.list();
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<Long, Map<String, Integer>> counts = new java.util.HashMap<>();
		this.jdbc
			.sql("SELECT notification_id, status, COUNT(*) FROM deliveries WHERE notification_id IN (:ids) "
					+ "GROUP BY notification_id, status")
			.param("ids", rows.stream().map((row) -> (Long) row[0]).toList())
			.query((rs) -> {
				counts.computeIfAbsent(rs.getLong(1), (id) -> new java.util.HashMap<>())
					.put(rs.getString(2), rs.getInt(3));
			});
		return rows.stream().map((row) -> {
			Map<String, Integer> byStatus = counts.getOrDefault((Long) row[0], Map.of());
			return new NotificationSummary((Long) row[0], (String) row[1], title((String) row[2]), (String) row[3],
					(Instant) row[4], byStatus.getOrDefault("queued", 0) + byStatus.getOrDefault("sending", 0),
					byStatus.getOrDefault("sent", 0), byStatus.getOrDefault("failed", 0),
					byStatus.getOrDefault("cancelled", 0));
		}).toList();
	}

	public List<DeliveryView> forNotification(long notificationId, List<String> statuses, int limit) {
		return this.jdbc.sql(DELIVERY + " WHERE d.notification_id = :id AND d.status IN (:statuses) ORDER BY d.id")
			.param("id", notificationId)
			.param("statuses", statuses)
			.withMaxRows(limit)
			.query(DeliveryLogRepository::delivery)
			.list();
	}

	public List<DeliveryView> forWebhook(long webhookId, int offset, int limit) {
		return this.jdbc
			.sql(DELIVERY + " WHERE d.channel = 'webhook' AND d.recipient_id = ? ORDER BY d.id DESC LIMIT " + limit
					+ " OFFSET " + offset)
			.param(webhookId)
			.query(DeliveryLogRepository::delivery)
			.list();
	}

	public long countForWebhook(long webhookId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM deliveries WHERE channel = 'webhook' AND recipient_id = ?")
			.param(webhookId)
			.query(Long.class)
			.single();
	}

	public List<DeliveryAttemptView> attempts(long deliveryId) {
		return this.jdbc
			.sql("SELECT attempt, attempted_at, status_code, duration_ms, error FROM delivery_attempts "
					+ "WHERE delivery_id = ? ORDER BY attempt")
			.param(deliveryId)
			.query((rs, row) -> new DeliveryAttemptView(rs.getInt(1), rs.getTimestamp(2).toInstant(),
					(Integer) rs.getObject(3, Integer.class), rs.getInt(4), rs.getString(5)))
			.list();
	}

	/**
	 * @return how many failed deliveries of this notification were queued again
	 */
	public int retryFailed(long notificationId, Instant now) {
		return this.jdbc
			.sql("UPDATE deliveries SET status = 'queued', attempts = 0, next_attempt_at = ? "
					+ "WHERE notification_id = ? AND status = 'failed'")
			.params(Timestamp.from(now), notificationId)
			.update();
	}

	public int retry(long deliveryId, Instant now) {
		return this.jdbc
			.sql("UPDATE deliveries SET status = 'queued', attempts = 0, next_attempt_at = ? "
					+ "WHERE id = ? AND status = 'failed'")
			.params(Timestamp.from(now), deliveryId)
			.update();
	}

	public Map<String, Long> countsByStatus() {
		Map<String, Long> counts = new java.util.TreeMap<>();
		this.jdbc.sql("SELECT status, COUNT(*) FROM deliveries GROUP BY status").query((rs) -> {
			counts.put(rs.getString(1), rs.getLong(2));
		});
		return counts;
	}

	private static String title(String content) {
		if (content == null) {
			return "";
		}
		java.util.regex.Matcher matcher = java.util.regex.Pattern
			.compile("\"title\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"")
			.matcher(content);
		return matcher.find() ? matcher.group(1).replace("\\\"", "\"") : "";
	}

	private static DeliveryView delivery(ResultSet rs, int row) throws SQLException {
		Timestamp lastAttempt = rs.getTimestamp("last_attempt_at");
		Timestamp sent = rs.getTimestamp("sent_at");
		String channel = rs.getString("channel");
		String recipient = rs.getString("recipient");
		String error = rs.getString("last_error");
		if ("webhook".equals(channel)) {
			// a chat webhook's URL is its credential: the log shows where, not the key
			String shown = WebhookView.redact(recipient);
			if (error != null && !recipient.isEmpty()) {
				error = error.replace(recipient, shown);
			}
			recipient = shown;
		}
		return new DeliveryView(rs.getLong("id"), rs.getLong("notification_id"), rs.getString("kind"), channel,
				rs.getLong("recipient_id"), recipient, rs.getString("status"), rs.getInt("attempts"),
				(Integer) rs.getObject("last_status_code", Integer.class), error,
				(lastAttempt != null) ? lastAttempt.toInstant() : null, (sent != null) ? sent.toInstant() : null,
				rs.getTimestamp("next_attempt_at").toInstant());
	}

}
