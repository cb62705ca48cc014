package io.cachet.incident.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import io.cachet.component.ComponentStatus;
import io.cachet.incident.AffectedComponent;
import io.cachet.incident.IncidentStatus;
import io.cachet.incident.IncidentUpdateView;
import io.cachet.incident.IncidentView;
import io.cachet.shared.ListQuery;
import io.cachet.shared.PageResult;
import io.cachet.shared.SqlListQueries;

/**
 * Incidents with their updates, affected components and meta data. A page of incidents is
 * read with one query per table (never one per incident).
 */
@Repository
public class IncidentRepository {

	private static final String SELECT = "SELECT i.id, i.user_id, i.component_id, i.name, i.status, i.visible, "
			+ "i.stickied, i.notifications, i.message, i.occurred_at, i.created_at, i.updated_at, i.deleted_at "
			+ "FROM incidents i";

	private static final Map<String, String> COLUMNS = Map.of("id", "i.id", "user_id", "i.user_id", "component_id",
			"i.component_id", "name", "i.name", "status", "i.status", "visible", "i.visible", "stickied", "i.stickied",
			"message", "i.message", "occurred_at", "i.occurred_at");

	/**
	 * The status that decides whether an incident is resolved: its latest update's, else
	 * its own (one lookup in {@code ix_incident_updates_latest}).
	 */
	private static final String LATEST_STATUS = "COALESCE((SELECT u.status FROM incident_updates u "
			+ "WHERE u.incident_id = i.id ORDER BY u.created_at DESC, u.id DESC LIMIT 1), i.status)";

	/**
	 * Only the incidents not known to be resolved (an index lookup), each still decided
	 * by {@link #LATEST_STATUS}: the cost follows the open incidents, not the history.
	 * {@code maybe_unresolved} is kept by {@link #refreshUnresolved} after every write
	 * here; rows written elsewhere default to {@code TRUE} and are decided as before.
	 */
	private static final String UNRESOLVED = " AND i.maybe_unresolved = TRUE AND " + LATEST_STATUS + " <> 4";

	private final JdbcClient jdbc;

	private final JsonMapper jsonMapper;

	IncidentRepository(JdbcClient jdbc, JsonMapper jsonMapper) {
		this.jdbc = jdbc;
		this.jsonMapper = jsonMapper;
	}

	public PageResult<IncidentView> page(ListQuery query, boolean guest) {
		List<String> conditions = new ArrayList<>(List.of("i.deleted_at IS NULL"));
		if (guest) {
			conditions.add("i.visible = TRUE");
		}
		PageResult<Row> rows = SqlListQueries.page(this.jdbc, SELECT, conditions, List.of(), COLUMNS, "i.id ASC", query,
				IncidentRepository::row);
		return complete(rows);
	}

	/**
	 * @return incidents that occurred in {@code [from, to)}, latest first
	 */
	public List<IncidentView> findOccurredBetween(Instant from, Instant to, boolean guest) {
		List<Row> rows = this.jdbc
			.sql(SELECT + " WHERE i.deleted_at IS NULL AND i.occurred_at >= ? AND i.occurred_at < ?"
					+ (guest ? " AND i.visible = TRUE" : "") + " ORDER BY i.occurred_at DESC, i.id DESC")
			.params(Timestamp.from(from), Timestamp.from(to))
			.query(IncidentRepository::row)
			.list();
		return complete(new PageResult<>(rows, rows.size(), 1, Math.max(1, rows.size()))).items();
	}

	public Optional<IncidentView> findById(long id) {
		return this.jdbc.sql(SELECT + " WHERE i.id = ? AND i.deleted_at IS NULL")
			.param(id)
			.query(IncidentRepository::row)
			.optional()
			.map((row) -> complete(new PageResult<>(List.of(row), 1, 1, 1)).items().get(0));
	}

	public List<IncidentView> findUnresolved(boolean guest) {
		List<Row> rows = this.jdbc
			.sql(SELECT + " WHERE i.deleted_at IS NULL" + (guest ? " AND i.visible = TRUE" : "") + UNRESOLVED
					+ " ORDER BY i.occurred_at DESC, i.id DESC")
			.query(IncidentRepository::row)
			.list();
		return complete(new PageResult<>(rows, rows.size(), 1, Math.max(1, rows.size()))).items();
	}

	public List<Instant> findOccurrenceTimes(boolean guest) {
		return this.jdbc
			.sql("SELECT i.occurred_at FROM incidents i WHERE i.deleted_at IS NULL"
					+ (guest ? " AND i.visible = TRUE" : "") + " ORDER BY i.occurred_at DESC")
			.query((rs, n) -> rs.getTimestamp(1).toInstant())
			.list();
	}

	/**
	 * The first match is enough: a COUNT read ~95,000 rows at 100,000 incidents.
	 */
	public boolean hasOccurredBefore(Instant before, boolean guest) {
		return this.jdbc
			.sql("SELECT CASE WHEN EXISTS (SELECT 1 FROM incidents i WHERE i.deleted_at IS NULL AND i.occurred_at < ?"
					+ (guest ? " AND i.visible = TRUE" : "") + ") THEN 1 ELSE 0 END")
			.param(Timestamp.from(before))
			.query(Integer.class)
			.single() == 1;
	}

	public long countUnresolved(boolean guest) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM incidents i WHERE i.deleted_at IS NULL" + (guest ? " AND i.visible = TRUE" : "")
					+ UNRESOLVED)
			.query(Long.class)
			.single();
	}

	public long insert(IncidentView incident) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO incidents (user_id, component_id, name, status, visible, stickied, notifications, "
					+ "message, occurred_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(incident.userId(), incident.componentId(), incident.name(), incident.status().code(),
					incident.visible(), incident.stickied(), incident.notifications(), incident.message(),
					Timestamp.from(incident.occurredAt()), Timestamp.from(incident.createdAt()),
					Timestamp.from(incident.updatedAt()))
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		refreshUnresolved(id);
		return id;
	}

	public void update(IncidentView incident) {
		this.jdbc
			.sql("UPDATE incidents SET component_id = ?, name = ?, status = ?, visible = ?, stickied = ?, "
					+ "notifications = ?, message = ?, occurred_at = ?, updated_at = ? WHERE id = ?")
			.params(incident.componentId(), incident.name(), incident.status().code(), incident.visible(),
					incident.stickied(), incident.notifications(), incident.message(),
					Timestamp.from(incident.occurredAt()), Timestamp.from(incident.updatedAt()), incident.id())
			.update();
		refreshUnresolved(incident.id());
	}

	public void updateStatus(long id, IncidentStatus status, Instant now) {
		this.jdbc.sql("UPDATE incidents SET status = ?, updated_at = ? WHERE id = ?")
			.params(status.code(), Timestamp.from(now), id)
			.update();
		refreshUnresolved(id);
	}

	public void softDelete(long id, Instant now) {
		this.jdbc.sql("UPDATE incidents SET deleted_at = ?, updated_at = ? WHERE id = ?")
			.params(Timestamp.from(now), Timestamp.from(now), id)
			.update();
	}

	public void replaceComponents(long incidentId, List<AffectedComponent> components, Instant now) {
		this.jdbc.sql("DELETE FROM incident_components WHERE incident_id = ?").param(incidentId).update();
		for (AffectedComponent component : components) {
			this.jdbc
				.sql("INSERT INTO incident_components (incident_id, component_id, component_status, created_at, "
						+ "updated_at) VALUES (?, ?, ?, ?, ?)")
				.params(incidentId, component.componentId(), component.status().code(), Timestamp.from(now),
						Timestamp.from(now))
				.update();
		}
	}

	public void replaceMeta(long incidentId, Map<String, Object> meta, Instant now) {
		this.jdbc.sql("DELETE FROM meta WHERE meta_type = 'incident' AND meta_id = ?").param(incidentId).update();
		meta.forEach((key, value) -> this.jdbc
			.sql("INSERT INTO meta (meta_key, meta_value, meta_type, meta_id, created_at, updated_at) "
					+ "VALUES (?, ?, 'incident', ?, ?, ?)")
			.params(key, this.jsonMapper.writeValueAsString(value), incidentId, Timestamp.from(now),
					Timestamp.from(now))
			.update());
	}

	public long insertUpdate(long incidentId, IncidentStatus status, String message, @Nullable Long userId,
			Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO incident_updates (incident_id, status, message, user_id, created_at, updated_at) "
					+ "VALUES (?, ?, ?, ?, ?, ?)")
			.params(incidentId, status.code(), message, userId, Timestamp.from(now), Timestamp.from(now))
			.update(keys, "id");
		refreshUnresolved(incidentId);
		return keys.getKeyAs(Number.class).longValue();
	}

	public void updateUpdate(long updateId, IncidentStatus status, String message, Instant now) {
		this.jdbc.sql("UPDATE incident_updates SET status = ?, message = ?, updated_at = ? WHERE id = ?")
			.params(status.code(), message, Timestamp.from(now), updateId)
			.update();
		incidentOfUpdate(updateId).ifPresent(this::refreshUnresolved);
	}

	public void deleteUpdate(long updateId) {
		Optional<Long> incidentId = incidentOfUpdate(updateId);
		this.jdbc.sql("DELETE FROM incident_updates WHERE id = ?").param(updateId).update();
		incidentId.ifPresent(this::refreshUnresolved);
	}

	private Optional<Long> incidentOfUpdate(long updateId) {
		return this.jdbc.sql("SELECT incident_id FROM incident_updates WHERE id = ?")
			.param(updateId)
			.query(Long.class)
			.optional();
	}

	/**
	 * Sets {@code maybe_unresolved} from the incident's latest update (else its own
	 * status), in the writer's transaction: any write that can change it (the incident's
	 * status, an update posted, edited or deleted, in any order of time) ends here.
	 */
	private void refreshUnresolved(long incidentId) {
		this.jdbc
			.sql("UPDATE incidents i SET maybe_unresolved = CASE WHEN " + LATEST_STATUS
					+ " <> 4 THEN TRUE ELSE FALSE END WHERE i.id = ?")
			.param(incidentId)
			.update();
	}

	public PageResult<IncidentUpdateView> pageUpdates(long incidentId, ListQuery query) {
		return SqlListQueries.page(this.jdbc,
				"SELECT u.id, u.incident_id, u.status, u.message, u.user_id, u.created_at, u.updated_at "
						+ "FROM incident_updates u",
				List.of("u.incident_id = ?"), List.of(incidentId),
				Map.of("id", "u.id", "status", "u.status", "user_id", "u.user_id"), "u.created_at DESC, u.id DESC",
				query, IncidentRepository::updateRow);
	}

	private PageResult<IncidentView> complete(PageResult<Row> rows) {
		List<Long> ids = rows.items().stream().map(Row::id).toList();
		Map<Long, List<IncidentUpdateView>> updates = new LinkedHashMap<>();
		Map<Long, List<AffectedComponent>> components = new LinkedHashMap<>();
		Map<Long, Map<String, Object>> meta = new LinkedHashMap<>();
		if (!ids.isEmpty()) {
			this.jdbc
				.sql("SELECT u.id, u.incident_id, u.status, u.message, u.user_id, u.created_at, u.updated_at "
						+ "FROM incident_updates u WHERE u.incident_id IN (:ids) ORDER BY u.created_at DESC, u.id DESC")
				.param("ids", ids)
				.query(IncidentRepository::updateRow)
				.list()
				.forEach((update) -> updates.computeIfAbsent(update.incidentId(), (id) -> new ArrayList<>())
					.add(update));
			this.jdbc
				.sql("SELECT incident_id, component_id, component_status FROM incident_components "
						+ "WHERE incident_id IN (:ids) ORDER BY id")
				.param("ids", ids)
				.query((rs) -> {
					components.computeIfAbsent(rs.getLong(1), (id) -> new ArrayList<>())
						.add(new AffectedComponent(rs.getLong(2),
								ComponentStatus.fromCode(rs.getInt(3)).orElse(ComponentStatus.UNKNOWN)));
				});
			this.jdbc
				.sql("SELECT meta_id, meta_key, meta_value FROM meta WHERE meta_type = 'incident' "
						+ "AND meta_id IN (:ids) ORDER BY id")
				.param("ids", ids)
				.query((rs) -> {
					meta.computeIfAbsent(rs.getLong(1), (id) -> new LinkedHashMap<>())
						.put(rs.getString(2), this.jsonMapper.readValue(rs.getString(3), Object.class));
				});
		}
		return rows.map((row) -> row.toView(meta.getOrDefault(row.id(), Map.of()),
				updates.getOrDefault(row.id(), List.of()), components.getOrDefault(row.id(), List.of())));
	}

	private static Row row(ResultSet rs, int rowNum) throws SQLException {
		Timestamp occurredAt = rs.getTimestamp("occurred_at");
		Timestamp createdAt = rs.getTimestamp("created_at");
		Timestamp deletedAt = rs.getTimestamp("deleted_at");
		long userId = rs.getLong("user_id");
		return new Row(rs.getLong("id"), rs.wasNull() ? null : userId, rs.getLong("component_id"), rs.getString("name"),
				IncidentStatus.fromCode(rs.getInt("status")).orElse(IncidentStatus.REPORTED), rs.getBoolean("visible"),
				rs.getBoolean("stickied"), rs.getBoolean("notifications"), rs.getString("message"),
				((occurredAt != null) ? occurredAt : createdAt).toInstant(), createdAt.toInstant(),
				rs.getTimestamp("updated_at").toInstant(), (deletedAt != null) ? deletedAt.toInstant() : null);
	}

	private static IncidentUpdateView updateRow(ResultSet rs, int rowNum) throws SQLException {
		long userId = rs.getLong("user_id");
		Long user = rs.wasNull() ? null : userId;
		return new IncidentUpdateView(rs.getLong("id"), rs.getLong("incident_id"),
				IncidentStatus.fromCode(rs.getInt("status")).orElse(IncidentStatus.REPORTED), rs.getString("message"),
				user, rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}

	private record Row(long id, @Nullable Long userId, long componentId, String name, IncidentStatus status,
			boolean visible, boolean stickied, boolean notifications, String message, Instant occurredAt,
			Instant createdAt, Instant updatedAt, @Nullable Instant deletedAt) {

		IncidentView toView(Map<String, Object> meta, List<IncidentUpdateView> updates,
				List<AffectedComponent> components) {
			return new IncidentView(this.id, this.userId, this.componentId, this.name, this.status, this.visible,
					this.stickied, this.notifications, this.message, this.occurredAt, this.createdAt, this.updatedAt,
					this.deletedAt, meta, updates, components);
		}

	}

}
