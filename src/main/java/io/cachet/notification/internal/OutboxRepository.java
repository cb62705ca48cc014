package io.cachet.notification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The {@code notifications} outbox and its {@code deliveries}.
 */
@Repository
public class OutboxRepository {

	private final JdbcClient jdbc;

	OutboxRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public boolean exists(String eventKey) {
		return this.jdbc.sql("SELECT COUNT(*) FROM notifications WHERE event_key = ?")
			.param(eventKey)
			.query(Long.class)
			.single() > 0;
	}

	public long insert(String eventKey, String kind, String payload, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO notifications (event_key, kind, payload, state, recipients, created_at) "
					+ "VALUES (?, ?, ?, 'pending', 0, ?)")
			.params(eventKey, kind, payload, Timestamp.from(now))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	public Optional<String> findPayload(String eventKey) {
		return this.jdbc.sql("SELECT payload FROM notifications WHERE event_key = ?")
			.param(eventKey)
			.query(String.class)
			.optional();
	}

	public List<PendingNotification> findPending(int limit) {
		return this.jdbc
			.sql("SELECT id, kind, payload, created_at FROM notifications WHERE state = 'pending' ORDER BY id")
			.withMaxRows(limit)
			.query((rs, row) -> new PendingNotification(rs.getLong(1), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant()))
			.list();
	}

	/**
	 * Queues one e-mail per verified subscriber who is global or subscribed to one of
	 * these components, in one statement.
	 * @return how many were queued
	 */
	public int queueForSubscribers(long notificationId, Collection<Long> componentIds, Instant now) {
		String sql = "INSERT INTO deliveries (notification_id, channel, recipient_id, status, attempts, "
				+ "next_attempt_at) SELECT :notification, 'email', s.id, 'queued', 0, :now FROM subscribers s "
				+ "WHERE s.verified_at IS NOT NULL AND s.email IS NOT NULL AND (s.global = TRUE";
		sql += componentIds.isEmpty() ? ")"
				: " OR EXISTS (SELECT 1 FROM subscriptions sub WHERE sub.subscriber_id = s.id "
						+ "AND sub.component_id IN (:components)))";
		var statement = this.jdbc.sql(sql).param("notification", notificationId).param("now", Timestamp.from(now));
		if (!componentIds.isEmpty()) {
			statement = statement.param("components", List.copyOf(componentIds));
		}
		return statement.update();
	}

	public int queueForSubscriber(long notificationId, long subscriberId, Instant now) {
		return this.jdbc
			.sql("INSERT INTO deliveries (notification_id, channel, recipient_id, status, attempts, next_attempt_at) "
					+ "SELECT ?, 'email', s.id, 'queued', 0, ? FROM subscribers s WHERE s.id = ? AND s.email IS NOT NULL")
			.params(notificationId, Timestamp.from(now), subscriberId)
			.update();
	}

	/**
	 * Queues one call per enabled webhook that takes this event.
	 */
	public int queueForWebhooks(long notificationId, String eventName, Instant now) {
		return this.jdbc
			.sql("INSERT INTO deliveries (notification_id, channel, recipient_id, status, attempts, next_attempt_at) "
					+ "SELECT ?, 'webhook', w.id, 'queued', 0, ? FROM webhooks w WHERE w.enabled = TRUE "
					+ "AND (w.send_all_events = TRUE OR w.events LIKE ?)")
			.params(notificationId, Timestamp.from(now), "%," + eventName + ",%")
			.update();
	}

	public void markFannedOut(long notificationId, String state, @Nullable String content, int recipients,
			Instant now) {
		this.jdbc.sql("UPDATE notifications SET state = ?, content = ?, recipients = ?, fanned_out_at = ? WHERE id = ?")
			.params(state, content, recipients, Timestamp.from(now), notificationId)
			.update();
	}

	/**
	 * Puts back what was taken for sending before {@code claimedBefore} and never
	 * finished: the node holding it stopped renewing its lease (it died while sending).
	 * With {@code claimedBefore} in the future, everything being sent is put back (a
	 * single node starting up).
	 */
	public int requeueInFlight(Instant claimedBefore) {
		return this.jdbc
			.sql("UPDATE deliveries SET status = 'queued', claim_token = NULL, claimed_by = NULL "
					+ "WHERE status = 'sending' AND (claimed_at IS NULL OR claimed_at < ?)")
			.param(Timestamp.from(claimedBefore))
			.update();
	}

	/**
	 * Puts back everything {@code node} took for sending and never finished, whatever the
	 * age of the claims: called by that node as it starts, when it is sending nothing
	 * yet.
	 */
	public int releaseClaimsOf(String node) {
		return this.jdbc
			.sql("UPDATE deliveries SET status = 'queued', claim_token = NULL, claimed_by = NULL "
					+ "WHERE status = 'sending' AND claimed_by = ?")
			.param(node)
			.update();
	}

	/**
	 * Renews the lease of everything {@code node} is sending, so that no other node takes
	 * it over while this one is alive.
	 * @return how many claims were renewed
	 */
	public int renewClaims(String node, Instant now) {
		return this.jdbc.sql("UPDATE deliveries SET claimed_at = ? WHERE status = 'sending' AND claimed_by = ?")
			.params(Timestamp.from(now), node)
			.update();
	}

	/**
	 * Takes up to {@code limit} deliveries that are due, oldest first, marking them as
	 * being sent by {@code node} under this claim's token; another node claiming at the
	 * same moment gets other rows or none.
	 * @param token unique to this claim (not to the node): it tells this claim's rows
	 * from those the node is already sending
	 * @return the ids actually claimed
	 */
	public List<Long> claimDue(Instant now, int limit, String token, String node) {
		List<Long> ids = this.jdbc
			.sql("SELECT id FROM deliveries WHERE status = 'queued' AND next_attempt_at <= ? "
					+ "ORDER BY next_attempt_at, id")
			.param(Timestamp.from(now))
			.withMaxRows(limit)
			.query(Long.class)
			.list();
		if (ids.isEmpty()) {
			return ids;
		}
		int claimed = this.jdbc.sql(
				"UPDATE deliveries SET status = 'sending', claim_token = :token, claimed_by = :node, claimed_at = :now "
						+ "WHERE id IN (:ids) AND status = 'queued'")
			.param("token", token)
			.param("node", node)
			.param("now", Timestamp.from(now))
			.param("ids", ids)
			.update();
		if (claimed == ids.size()) {
			return ids;
		}
		return this.jdbc.sql("SELECT id FROM deliveries WHERE claim_token = ? AND status = 'sending' ORDER BY id")
			.param(token)
			.query(Long.class)
			.list();
	}

	/**
	 * Takes a pending notification for fanning out, inside the fan-out's transaction; a
	 * second node trying the same one waits for the first and then finds it taken.
	 * @return whether this node has it
	 */
	public boolean claimPending(long notificationId) {
		return this.jdbc.sql("UPDATE notifications SET state = 'fanning' WHERE id = ? AND state = 'pending'")
			.param(notificationId)
			.update() == 1;
	}

	public List<DeliveryTask> loadTasks(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql("SELECT d.id, d.notification_id, d.channel, d.recipient_id, d.attempts, n.kind, n.content, "
					+ "s.email, s.locale, s.verify_code FROM deliveries d JOIN notifications n ON n.id = d.notification_id "
					+ "LEFT JOIN subscribers s ON d.channel = 'email' AND s.id = d.recipient_id "
					+ "WHERE d.id IN (:ids) ORDER BY d.notification_id, d.id")
			.param("ids", List.copyOf(ids))
			.query(OutboxRepository::task)
			.list();
	}

	/**
	 * Records one delivery as sent, in a transaction of its own: called the moment the
	 * server has taken the message, so that a crash can send again only the messages
	 * being handed over at that moment.
	 */
	public void markSent(long id, @Nullable Integer statusCode, Instant now) {
		this.jdbc
			.sql("UPDATE deliveries SET status = 'sent', attempts = attempts + 1, sent_at = ?, "
					+ "last_attempt_at = ?, last_status_code = ?, last_error = NULL, claim_token = NULL, "
					+ "claimed_by = NULL WHERE id = ?")
			.params(Timestamp.from(now), Timestamp.from(now), statusCode, id)
			.update();
	}

	/**
	 * Records a failed attempt: the delivery is queued again at {@code retryAt}, or
	 * failed for good when that is {@code null}.
	 */
	public void markAttemptFailed(long id, @Nullable Instant retryAt, @Nullable Integer statusCode, String error,
			Instant now) {
		this.jdbc
			.sql("UPDATE deliveries SET status = ?, attempts = attempts + 1, next_attempt_at = ?, "
					+ "last_attempt_at = ?, last_status_code = ?, last_error = ? WHERE id = ?")
			.params((retryAt != null) ? "queued" : "failed", Timestamp.from((retryAt != null) ? retryAt : now),
					Timestamp.from(now), statusCode, truncate(error), id)
			.update();
	}

	public void markCancelled(long id, String reason) {
		this.jdbc.sql("UPDATE deliveries SET status = 'cancelled', last_error = ? WHERE id = ?")
			.params(truncate(reason), id)
			.update();
	}

	public void logAttempt(long deliveryId, Instant at, @Nullable Integer statusCode, long durationMs,
			@Nullable String error) {
		this.jdbc
			.sql("INSERT INTO delivery_attempts (delivery_id, attempt, attempted_at, status_code, duration_ms, error) "
					+ "SELECT ?, COUNT(*) + 1, ?, ?, ?, ? FROM delivery_attempts WHERE delivery_id = ?")
			.params(deliveryId, Timestamp.from(at), statusCode, (int) Math.min(Integer.MAX_VALUE, durationMs),
					(error != null) ? truncate(error) : null, deliveryId)
			.update();
	}

	/**
	 * Deletes notifications older than {@code cutoff} with nothing left to send, with
	 * their deliveries and attempts.
	 * @return how many notifications were deleted
	 */
	public int pruneBefore(Instant cutoff) {
		return this.jdbc
			.sql("DELETE FROM notifications WHERE created_at < ? AND state <> 'pending' AND NOT EXISTS "
					+ "(SELECT 1 FROM deliveries d WHERE d.notification_id = notifications.id "
					+ "AND d.status IN ('queued', 'sending'))")
			.param(Timestamp.from(cutoff))
			.update();
	}

	/**
	 * @return how much is waiting: notifications not fanned out yet, and deliveries
	 * queued or being sent
	 */
	public Depth depth() {
		long pending = this.jdbc.sql("SELECT COUNT(*) FROM notifications WHERE state = 'pending'")
			.query(Long.class)
			.single();
		var deliveries = new java.util.HashMap<String, Long>();
		this.jdbc.sql("SELECT status, COUNT(*) FROM deliveries WHERE status IN ('queued', 'sending') GROUP BY status")
			.query((rs) -> {
				deliveries.put(rs.getString(1), rs.getLong(2));
			});
		return new Depth(pending, deliveries.getOrDefault("queued", 0L), deliveries.getOrDefault("sending", 0L));
	}

	static String truncate(String text) {
		return (text.length() <= 1000) ? text : text.substring(0, 1000);
	}

	private static DeliveryTask task(ResultSet rs, int row) throws SQLException {
		return new DeliveryTask(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getInt(5),
				rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10));
	}

	public record Depth(long pendingNotifications, long queuedDeliveries, long sendingDeliveries) {

	}

	public record PendingNotification(long id, String kind, String payload, Instant createdAt) {

	}

	/**
	 * A claimed delivery with what sending it needs.
	 *
	 * @param email the subscriber's address; {@code null} for a webhook or a subscriber
	 * deleted since
	 */
	public record DeliveryTask(long id, long notificationId, String channel, long recipientId, int attempts,
			String kind, @Nullable String content, @Nullable String email, @Nullable String locale,
			@Nullable String verifyCode) {

	}

}
