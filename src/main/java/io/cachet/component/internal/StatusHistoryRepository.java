package io.cachet.component.internal;

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

import io.cachet.component.ComponentStatus;
import io.cachet.component.StatusChangeSource;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The status history of components ({@code component_status_history}).
 */
@Repository
public class StatusHistoryRepository {

	private final JdbcClient jdbc;

	StatusHistoryRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void record(long componentId, @Nullable ComponentStatus from, ComponentStatus to, StatusChangeSource source,
			Instant at) {
		this.jdbc
			.sql("INSERT INTO component_status_history (component_id, old_status, new_status, source, changed_at)"
					+ " VALUES (?, ?, ?, ?, ?)")
			.params(componentId, (from != null) ? from.code() : null, to.code(), source.code(), Timestamp.from(at))
			.update();
	}

	/**
	 * @return per component, the status it had at {@code since} (its last change before,
	 * when there is one) followed by every change from then on, oldest first
	 */
	public Map<Long, List<StatusChange>> changesSince(Instant since) {
		Map<Long, List<StatusChange>> byComponent = new LinkedHashMap<>();
		statusesAt(since).forEach((id, change) -> byComponent.put(id, new ArrayList<>(List.of(change))));
		changesBetween(since, null, null)
			.forEach((id, changes) -> byComponent.computeIfAbsent(id, (key) -> new ArrayList<>()).addAll(changes));
		return byComponent;
	}

	/**
	 * @return per component with history before {@code at}, its latest change before it
	 * (by time, then by insertion for changes at the same time)
	 */
	public Map<Long, StatusChange> statusesAt(Instant at) {
		Map<Long, StatusChange> latest = new LinkedHashMap<>();
		// Rows ordered by id within a component, so that the last one at the latest time
		// wins.
		this.jdbc.sql("""
				SELECT h.component_id, h.new_status, h.changed_at FROM component_status_history h
				JOIN (SELECT component_id, MAX(changed_at) AS last_at FROM component_status_history
				      WHERE changed_at < ? GROUP BY component_id) l
				  ON l.component_id = h.component_id AND l.last_at = h.changed_at
				ORDER BY h.component_id, h.id""")
			.param(Timestamp.from(at))
			.query((RowCallbackHandler) (rs) -> latest.put(rs.getLong(1), change(rs)));
		return latest;
	}

	/**
	 * @param to the end (exclusive), or {@code null} for no end
	 * @param componentId one component, or {@code null} for all
	 * @return per component, its changes from {@code from} (inclusive), oldest first
	 */
	public Map<Long, List<StatusChange>> changesBetween(Instant from, @Nullable Instant to,
			@Nullable Long componentId) {
		Map<Long, List<StatusChange>> byComponent = new LinkedHashMap<>();
		String sql = "SELECT component_id, new_status, changed_at FROM component_status_history WHERE changed_at >= :from"
				+ ((to != null) ? " AND changed_at < :to" : "")
				+ ((componentId != null) ? " AND component_id = :component" : "") + " ORDER BY changed_at, id";
		var statement = this.jdbc.sql(sql).param("from", Timestamp.from(from));
		if (to != null) {
			statement = statement.param("to", Timestamp.from(to));
		}
		if (componentId != null) {
			statement = statement.param("component", componentId);
		}
		statement
			.query((RowCallbackHandler) (rs) -> byComponent.computeIfAbsent(rs.getLong(1), (id) -> new ArrayList<>())
				.add(change(rs)));
		return byComponent;
	}

	/**
	 * @return the time of the oldest change of any component, if there is one
	 */
	public Optional<Instant> firstChangeAt() {
		return this.jdbc.sql("SELECT MIN(changed_at) FROM component_status_history")
			.query((rs, row) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
			.single();
	}

	private static StatusChange change(ResultSet rs) throws SQLException {
		return new StatusChange(ComponentStatus.fromCode(rs.getInt(2)).orElse(ComponentStatus.UNKNOWN),
				rs.getTimestamp(3).toInstant());
	}

	/**
	 * A status a component took at a time.
	 */
	public record StatusChange(ComponentStatus status, Instant at) {
	}

}
