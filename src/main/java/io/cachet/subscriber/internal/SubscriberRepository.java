package io.cachet.subscriber.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import io.cachet.shared.ListQuery;
import io.cachet.shared.PageResult;
import io.cachet.shared.SqlListQueries;
import io.cachet.subscriber.SubscriberView;
import io.cachet.subscriber.SubscriptionView;

@Repository
public class SubscriberRepository {

	private static final String SELECT = "SELECT s.id, s.email, s.phone_number, s.slack_webhook_url, s.verify_code, "
			+ "s.verified_at, s.global, s.created_at, s.updated_at, s.locale FROM subscribers s";

	private final JdbcClient jdbc;

	SubscriberRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public PageResult<SubscriberView> page(ListQuery query) {
		return withSubscriptions(SqlListQueries.page(this.jdbc, SELECT, List.of(), List.of(),
				Map.of("id", "s.id", "email", "s.email", "global", "s.global"), "s.id ASC", query,
				SubscriberRepository::row));
	}

	public Optional<SubscriberView> findById(long id) {
		return one(SELECT + " WHERE s.id = ?", id);
	}

	public Optional<SubscriberView> findByEmail(String email) {
		return one(SELECT + " WHERE s.email = ?", email);
	}

	/**
	 * @return verified subscribers that are global or subscribed to this component
	 */
	public List<SubscriberView> findVerifiedFor(long componentId) {
		List<SubscriberView> rows = this.jdbc
			.sql(SELECT + " WHERE s.verified_at IS NOT NULL AND (s.global = TRUE OR EXISTS (SELECT 1 FROM "
					+ "subscriptions sub WHERE sub.subscriber_id = s.id AND sub.component_id = ?)) ORDER BY s.id")
			.param(componentId)
			.query(SubscriberRepository::row)
			.list();
		return withSubscriptions(new PageResult<>(rows, rows.size(), 1, Math.max(1, rows.size()))).items();
	}

	public long insert(String email, String verifyCode, @Nullable Instant verifiedAt, boolean global,
			@Nullable String locale, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO subscribers (email, verify_code, verified_at, global, locale, created_at, updated_at) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(email, verifyCode, (verifiedAt != null) ? Timestamp.from(verifiedAt) : null, global, locale,
					Timestamp.from(now), Timestamp.from(now))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	public void subscribe(long subscriberId, Collection<Long> componentIds, Instant now) {
		for (Long componentId : componentIds) {
			this.jdbc.sql(
					"INSERT INTO subscriptions (subscriber_id, component_id, created_at, updated_at) VALUES (?, ?, ?, ?)")
				.params(subscriberId, componentId, Timestamp.from(now), Timestamp.from(now))
				.update();
		}
	}

	public void markVerified(long id, Instant now) {
		this.jdbc.sql("UPDATE subscribers SET verified_at = ?, updated_at = ? WHERE id = ? AND verified_at IS NULL")
			.params(Timestamp.from(now), Timestamp.from(now), id)
			.update();
	}

	/**
	 * Replaces what a subscriber hears about.
	 */
	public void replaceSubscriptions(long id, boolean global, Collection<Long> componentIds, Instant now) {
		this.jdbc.sql("UPDATE subscribers SET global = ?, updated_at = ? WHERE id = ?")
			.params(global, Timestamp.from(now), id)
			.update();
		this.jdbc.sql("DELETE FROM subscriptions WHERE subscriber_id = ?").param(id).update();
		subscribe(id, componentIds, now);
	}

	public void delete(long id) {
		this.jdbc.sql("DELETE FROM subscribers WHERE id = ?").param(id).update();
	}

	public Optional<Long> findSubscriptionOwner(long subscriptionId) {
		return this.jdbc.sql("SELECT subscriber_id FROM subscriptions WHERE id = ?")
			.param(subscriptionId)
			.query(Long.class)
			.optional();
	}

	public void deleteSubscription(long subscriptionId) {
		this.jdbc.sql("DELETE FROM subscriptions WHERE id = ?").param(subscriptionId).update();
	}

	private Optional<SubscriberView> one(String sql, Object param) {
		return this.jdbc.sql(sql)
			.param(param)
			.query(SubscriberRepository::row)
			.optional()
			.map((subscriber) -> withSubscriptions(new PageResult<>(List.of(subscriber), 1, 1, 1)).items().get(0));
	}

	private PageResult<SubscriberView> withSubscriptions(PageResult<SubscriberView> page) {
		List<Long> ids = page.items().stream().map(SubscriberView::id).toList();
		Map<Long, List<SubscriptionView>> subscriptions = new LinkedHashMap<>();
		if (!ids.isEmpty()) {
			this.jdbc
				.sql("SELECT id, subscriber_id, component_id, created_at, updated_at FROM subscriptions "
						+ "WHERE subscriber_id IN (:ids) ORDER BY id")
				.param("ids", ids)
				.query((rs, row) -> new SubscriptionView(rs.getLong(1), rs.getLong(2), rs.getLong(3),
						rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant()))
				.list()
				.forEach((subscription) -> subscriptions
					.computeIfAbsent(subscription.subscriberId(), (id) -> new ArrayList<>())
					.add(subscription));
		}
		return page.map((s) -> new SubscriberView(s.id(), s.email(), s.phoneNumber(), s.slackWebhookUrl(),
				s.verifyCode(), s.verifiedAt(), s.global(), s.createdAt(), s.updatedAt(),
				subscriptions.getOrDefault(s.id(), List.of()), s.locale()));
	}

	private static SubscriberView row(ResultSet rs, int rowNum) throws SQLException {
		Timestamp verifiedAt = rs.getTimestamp("verified_at");
		return new SubscriberView(rs.getLong("id"), rs.getString("email"), rs.getString("phone_number"),
				rs.getString("slack_webhook_url"), rs.getString("verify_code"),
				(verifiedAt != null) ? verifiedAt.toInstant() : null, rs.getBoolean("global"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(), List.of(),
				rs.getString("locale"));
	}

}
