package io.cachet.component.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import io.cachet.component.ComponentStatus;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The daily uptime roll-ups ({@code component_daily_uptime}), by time zone.
 */
@Repository
public class DailyUptimeRepository {

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	DailyUptimeRepository(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	/**
	 * @return the days from {@code from} (inclusive) to {@code to} (exclusive) that are
	 * rolled up in {@code zone}
	 */
	public Set<LocalDate> rolledUpDays(String zone, LocalDate from, LocalDate to) {
		Set<LocalDate> days = new TreeSet<>();
		this.jdbc
			.sql("SELECT DISTINCT uptime_day FROM component_daily_uptime WHERE zone = ? AND uptime_day >= ?"
					+ " AND uptime_day < ?")
			.params(zone, from, to)
			.query((RowCallbackHandler) (rs) -> days.add(rs.getObject(1, LocalDate.class)));
		return days;
	}

	/**
	 * @param componentId one component, or {@code null} for all
	 */
	public List<StoredDay> find(String zone, LocalDate from, LocalDate to, @Nullable Long componentId) {
		List<StoredDay> days = new ArrayList<>();
		this.jdbc.sql("SELECT component_id, uptime_day, worst, major_seconds, partial_seconds, degraded_seconds,"
				+ " known_seconds, end_status FROM component_daily_uptime WHERE zone = :zone AND uptime_day >= :from"
				+ " AND uptime_day < :to" + ((componentId != null) ? " AND component_id = :component" : ""))
			.param("zone", zone)
			.param("from", from)
			.param("to", to)
			.param("component", componentId)
			.query((RowCallbackHandler) (rs) -> days
				.add(new StoredDay(rs.getLong(1), rs.getObject(2, LocalDate.class), status(rs.getInt(3)), null,
						rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), status(rs.getInt(8)))));
		return days;
	}

	/**
	 * Replaces whatever is stored for these days in {@code zone} with {@code rows}.
	 */
	public void replace(String zone, Collection<LocalDate> days, List<StoredDay> rows, Instant computedAt) {
		for (LocalDate day : days) {
			this.jdbc.sql("DELETE FROM component_daily_uptime WHERE zone = ? AND uptime_day = ?")
				.params(zone, day)
				.update();
		}
		Timestamp at = Timestamp.from(computedAt);
		this.batch.batchUpdate("INSERT INTO component_daily_uptime (component_id, uptime_day, zone, uptime, worst,"
				+ " end_status, major_seconds, partial_seconds, degraded_seconds, known_seconds, computed_at)"
				+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows, 500, (ps, row) -> {
					ps.setLong(1, row.componentId());
					ps.setObject(2, row.day());
					ps.setString(3, zone);
					ps.setObject(4, row.uptime(), java.sql.Types.DOUBLE);
					ps.setInt(5, row.worst().code());
					ps.setInt(6, row.endStatus().code());
					ps.setLong(7, row.majorSeconds());
					ps.setLong(8, row.partialSeconds());
					ps.setLong(9, row.degradedSeconds());
					ps.setLong(10, row.knownSeconds());
					ps.setTimestamp(11, at);
				});
	}

	/**
	 * @return when the latest stored day of {@code zone} was computed: it changes
	 * whenever days are rolled up or the newest are forgotten (one lookup in
	 * {@code ix_component_daily_uptime_computed})
	 */
	public Optional<Instant> lastComputedAt(String zone) {
		return this.jdbc.sql("SELECT MAX(computed_at) FROM component_daily_uptime WHERE zone = ?")
			.param(zone)
			.query((rs, row) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
			.single();
	}

	/**
	 * Forgets the days from {@code day} on, in every zone and for every component, so
	 * that they are rolled up again.
	 * @return the number of rows deleted
	 */
	public int deleteFrom(LocalDate day) {
		return this.jdbc.sql("DELETE FROM component_daily_uptime WHERE uptime_day >= ?").param(day).update();
	}

	private static ComponentStatus status(int code) {
		return ComponentStatus.fromCode(code).orElse(ComponentStatus.UNKNOWN);
	}

	/**
	 * One component's finished day as stored.
	 *
	 * @param uptime 0..1 as written (not read back: it follows from the seconds)
	 * @param endStatus the status in force when the day ended
	 */
	public record StoredDay(long componentId, LocalDate day, ComponentStatus worst, @Nullable Double uptime,
			long majorSeconds, long partialSeconds, long degradedSeconds, long knownSeconds,
			ComponentStatus endStatus) {
	}

}
