package io.cachet.component.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
		RowCallbackHandler collect = (rs) -> byComponent.computeIfAbsent(rs.getLong(1), (id) -> new ArrayList<>())
			.add(new StatusChange(ComponentStatus.fromCode(rs.getInt(2)).orElse(ComponentStatus.UNKNOWN),
					rs.getTimestamp(3).toInstant()));
		Timestamp from = Timestamp.from(since);
		// The status each component had when the window opens: its latest row before it.
		this.jdbc.sql("""
				SELECT h.component_id, h.new_status, h.changed_at FROM component_status_history h
				JOIN (SELECT component_id, MAX(id) AS last_id FROM component_status_history
				      WHERE changed_at < ? GROUP BY component_id) l ON l.last_id = h.id""").param(from).query(collect);
		this.jdbc.sql("""
				SELECT component_id, new_status, changed_at FROM component_status_history
				WHERE changed_at >= ? ORDER BY changed_at, id""").param(from).query(collect);
		return byComponent;
	}

	/**
	 * A status a component took at a time.
	 */
	public record StatusChange(ComponentStatus status, Instant at) {
	}

}
