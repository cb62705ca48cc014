package io.cachet.schedule.internal;

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

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import io.cachet.schedule.ScheduleComponentView;
import io.cachet.schedule.ScheduleStatus;
import io.cachet.schedule.ScheduleView;
import io.cachet.shared.ListQuery;
import io.cachet.shared.PageResult;
import io.cachet.shared.SqlListQueries;

@Repository
public class ScheduleRepository {

	private static final String SELECT = "SELECT s.id, s.name, s.message, s.status, s.scheduled_at, s.completed_at, "
			+ "s.created_at, s.updated_at, s.deleted_at FROM schedules s";

	private static final Map<String, String> COLUMNS = Map.of("id", "s.id", "name", "s.name", "status", "s.status",
			"scheduled_at", "s.scheduled_at", "completed_at", "s.completed_at", "created_at", "s.created_at",
			"updated_at", "s.updated_at");

	private final JdbcClient jdbc;

	ScheduleRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public PageResult<ScheduleView> page(ListQuery query) {
		return withComponents(SqlListQueries.page(this.jdbc, SELECT, List.of("s.deleted_at IS NULL"), List.of(),
				COLUMNS, "s.id ASC", query, ScheduleRepository::row));
	}

	public Optional<ScheduleView> findById(long id) {
		return this.jdbc.sql(SELECT + " WHERE s.id = ? AND s.deleted_at IS NULL")
			.param(id)
			.query(ScheduleRepository::row)
			.optional()
			.map((schedule) -> withComponents(new PageResult<>(List.of(schedule), 1, 1, 1)).items().get(0));
	}

	/**
	 * @return schedules not completed (upcoming or in progress), soonest first
	 */
	/**
	 * @return maintenance not completed at {@code now}: status upcoming or in progress,
	 * and no end time or one still ahead ({@code completed_at} is the planned end)
	 */
	public List<ScheduleView> findUncompleted(Instant now) {
		List<ScheduleView> rows = this.jdbc
			.sql(SELECT + " WHERE s.deleted_at IS NULL AND s.status IN (0, 1) AND "
					+ "(s.completed_at IS NULL OR s.completed_at > ?) ORDER BY s.scheduled_at, s.id")
			.param(Timestamp.from(now))
			.query(ScheduleRepository::row)
			.list();
		return withComponents(new PageResult<>(rows, rows.size(), 1, Math.max(1, rows.size()))).items();
	}

	public List<ScheduleView> findStartingOrEndingBetween(Instant from, Instant to) {
		List<ScheduleView> rows = this.jdbc
			.sql(SELECT + " WHERE s.deleted_at IS NULL AND ((s.scheduled_at > ? AND s.scheduled_at <= ?) OR "
					+ "(s.completed_at > ? AND s.completed_at <= ?)) ORDER BY s.id")
			.params(Timestamp.from(from), Timestamp.from(to), Timestamp.from(from), Timestamp.from(to))
			.query(ScheduleRepository::row)
			.list();
		return withComponents(new PageResult<>(rows, rows.size(), 1, Math.max(1, rows.size()))).items();
	}

	/**
	 * @return ids of the components of maintenance in progress at {@code now}
	 */
	public List<Long> findComponentsUnderMaintenance(Instant now) {
		return this.jdbc.sql(
				"SELECT DISTINCT sc.component_id FROM schedule_components sc JOIN schedules s ON s.id = sc.schedule_id "
						+ "WHERE s.deleted_at IS NULL AND s.scheduled_at <= ? AND s.status <> 2 "
						+ "AND (s.completed_at IS NULL OR s.completed_at > ?) ORDER BY sc.component_id")
			.params(Timestamp.from(now), Timestamp.from(now))
			.query(Long.class)
			.list();
	}

	public long insert(String name, @Nullable String message, ScheduleStatus status, Instant scheduledAt,
			@Nullable Instant completedAt, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO schedules (name, message, status, scheduled_at, completed_at, created_at, updated_at) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(name, message, status.code(), Timestamp.from(scheduledAt), timestamp(completedAt),
					Timestamp.from(now), Timestamp.from(now))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	public void update(ScheduleView schedule) {
		this.jdbc
			.sql("UPDATE schedules SET name = ?, message = ?, status = ?, scheduled_at = ?, completed_at = ?, "
					+ "updated_at = ? WHERE id = ?")
			.params(schedule.name(), schedule.message(), schedule.status().code(),
					Timestamp.from(schedule.scheduledAt()), timestamp(schedule.completedAt()),
					Timestamp.from(schedule.updatedAt()), schedule.id())
			.update();
	}

	public void softDelete(long id, Instant now) {
		this.jdbc.sql("UPDATE schedules SET deleted_at = ?, updated_at = ? WHERE id = ?")
			.params(Timestamp.from(now), Timestamp.from(now), id)
			.update();
	}

	public void replaceComponents(long scheduleId, Map<Long, Integer> components, Instant now) {
		this.jdbc.sql("DELETE FROM schedule_components WHERE schedule_id = ?").param(scheduleId).update();
		components.forEach((componentId, status) -> this.jdbc
			.sql("INSERT INTO schedule_components (schedule_id, component_id, component_status, created_at, "
					+ "updated_at) VALUES (?, ?, ?, ?, ?)")
			.params(scheduleId, componentId, status, Timestamp.from(now), Timestamp.from(now))
			.update());
	}

	private PageResult<ScheduleView> withComponents(PageResult<ScheduleView> page) {
		List<Long> ids = page.items().stream().map(ScheduleView::id).toList();
		Map<Long, List<ScheduleComponentView>> components = new LinkedHashMap<>();
		if (!ids.isEmpty()) {
			this.jdbc
				.sql("SELECT id, schedule_id, component_id, component_status, created_at, updated_at "
						+ "FROM schedule_components WHERE schedule_id IN (:ids) ORDER BY id")
				.param("ids", ids)
				.query((rs, row) -> new ScheduleComponentView(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4),
						rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant()))
				.list()
				.forEach((component) -> components.computeIfAbsent(component.scheduleId(), (id) -> new ArrayList<>())
					.add(component));
		}
		return page.map((schedule) -> new ScheduleView(schedule.id(), schedule.name(), schedule.message(),
				schedule.status(), schedule.scheduledAt(), schedule.completedAt(), schedule.createdAt(),
				schedule.updatedAt(), schedule.deletedAt(), components.getOrDefault(schedule.id(), List.of())));
	}

	private static ScheduleView row(ResultSet rs, int rowNum) throws SQLException {
		return new ScheduleView(rs.getLong("id"), rs.getString("name"), rs.getString("message"),
				ScheduleStatus.fromCode(rs.getInt("status")).orElse(ScheduleStatus.UPCOMING),
				rs.getTimestamp("scheduled_at").toInstant(), instant(rs.getTimestamp("completed_at")),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
				instant(rs.getTimestamp("deleted_at")), List.of());
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

}
