package io.cachet.upstream.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
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
import io.cachet.upstream.UpstreamKind;
import io.cachet.upstream.UpstreamView;

/**
 * The {@code upstreams} and {@code upstream_components} tables. Views come back without
 * their components; {@link #components(long)} reads those.
 */
@Repository
public class UpstreamRepository {

	private static final String SELECT = "SELECT u.id, u.name, u.url, u.kind, u.interval_seconds, u.grace_seconds, "
			+ "u.component_group_id, u.enabled, u.last_polled_at, u.last_success_at, u.last_error, u.created_at, "
			+ "u.updated_at FROM upstreams u";

	private final JdbcClient jdbc;

	UpstreamRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A row of {@code upstream_components}.
	 */
	public record MirroredComponent(long id, long upstreamId, String externalId, String externalName, long componentId,
			boolean hidden) {

	}

	public PageResult<UpstreamView> page(ListQuery query) {
		return SqlListQueries.page(
				this.jdbc, SELECT, List.of(), List.of(), Map.of("id", "u.id", "name", "u.name", "url", "u.url",
						"enabled", "u.enabled", "created_at", "u.created_at"),
				"u.id ASC", query, UpstreamRepository::row);
	}

	public Optional<UpstreamView> findById(long id) {
		return this.jdbc.sql(SELECT + " WHERE u.id = ?").param(id).query(UpstreamRepository::row).optional();
	}

	/**
	 * @return every enabled upstream, for the poller to pick the due ones
	 */
	public List<UpstreamView> findEnabled() {
		return this.jdbc.sql(SELECT + " WHERE u.enabled = ? ORDER BY u.id")
			.param(true)
			.query(UpstreamRepository::row)
			.list();
	}

	public long insert(UpstreamView upstream) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO upstreams (name, url, kind, interval_seconds, grace_seconds, enabled, created_at, "
					+ "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(upstream.name(), upstream.url(), kind(upstream.kind()), upstream.intervalSeconds(),
					upstream.graceSeconds(), upstream.enabled(), Timestamp.from(upstream.createdAt()),
					Timestamp.from(upstream.updatedAt()))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	public void update(UpstreamView upstream) {
		this.jdbc
			.sql("UPDATE upstreams SET name = ?, kind = ?, interval_seconds = ?, grace_seconds = ?, enabled = ?, "
					+ "updated_at = ? WHERE id = ?")
			.params(upstream.name(), kind(upstream.kind()), upstream.intervalSeconds(), upstream.graceSeconds(),
					upstream.enabled(), Timestamp.from(upstream.updatedAt()), upstream.id())
			.update();
	}

	public void delete(long id) {
		this.jdbc.sql("DELETE FROM upstreams WHERE id = ?").param(id).update();
	}

	/**
	 * Records a successful fetch: the detected kind, the group the components live in.
	 */
	public void recordSuccess(long id, UpstreamKind kind, long groupId, Instant at) {
		this.jdbc
			.sql("UPDATE upstreams SET kind = ?, component_group_id = ?, last_polled_at = ?, last_success_at = ?, "
					+ "last_error = NULL WHERE id = ?")
			.params(kind.value(), groupId, Timestamp.from(at), Timestamp.from(at), id)
			.update();
	}

	public void recordFailure(long id, String error, Instant at) {
		String message = (error.length() > 1024) ? error.substring(0, 1021) + "..." : error;
		this.jdbc.sql("UPDATE upstreams SET last_polled_at = ?, last_error = ? WHERE id = ?")
			.params(Timestamp.from(at), message, id)
			.update();
	}

	/**
	 * @return the upstream's components in the order they were first seen
	 */
	public List<MirroredComponent> components(long upstreamId) {
		return this.jdbc
			.sql("SELECT id, upstream_id, external_id, external_name, component_id, hidden FROM upstream_components "
					+ "WHERE upstream_id = ? ORDER BY id")
			.param(upstreamId)
			.query((rs, row) -> new MirroredComponent(rs.getLong("id"), rs.getLong("upstream_id"),
					rs.getString("external_id"), rs.getString("external_name"), rs.getLong("component_id"),
					rs.getBoolean("hidden")))
			.list();
	}

	public long insertComponent(long upstreamId, String externalId, String externalName, long componentId) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO upstream_components (upstream_id, external_id, external_name, component_id, hidden) "
					+ "VALUES (?, ?, ?, ?, ?)")
			.params(upstreamId, externalId, externalName, componentId, false)
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	public void renameComponent(long id, String externalName) {
		this.jdbc.sql("UPDATE upstream_components SET external_name = ? WHERE id = ?")
			.params(externalName, id)
			.update();
	}

	public void setHidden(long id, boolean hidden) {
		this.jdbc.sql("UPDATE upstream_components SET hidden = ? WHERE id = ?").params(hidden, id).update();
	}

	private static @Nullable String kind(@Nullable UpstreamKind kind) {
		return (kind != null) ? kind.value() : null;
	}

	private static UpstreamView row(ResultSet rs, int row) throws SQLException {
		String kind = rs.getString("kind");
		long groupValue = rs.getLong("component_group_id");
		Long groupId = rs.wasNull() ? null : groupValue;
		return new UpstreamView(rs.getLong("id"), rs.getString("name"), rs.getString("url"),
				(kind != null) ? UpstreamKind.fromValue(kind).orElse(null) : null, rs.getInt("interval_seconds"),
				rs.getInt("grace_seconds"), groupId, rs.getBoolean("enabled"),
				instant(rs.getTimestamp("last_polled_at")), instant(rs.getTimestamp("last_success_at")),
				rs.getString("last_error"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant(), List.of());
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
