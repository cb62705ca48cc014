package io.cachet.metric.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import io.cachet.metric.MetricPointView;
import io.cachet.metric.MetricView;
import io.cachet.shared.ListQuery;
import io.cachet.shared.PageResult;
import io.cachet.shared.SqlListQueries;

@Repository
public class MetricRepository {

	private static final String SELECT = "SELECT m.id, m.name, m.suffix, m.description, m.default_value, "
			+ "m.calc_type, m.display_chart, m.places, m.default_view, m.threshold, m.position, m.visible, "
			+ "m.created_at, m.updated_at FROM metrics m";

	private static final Map<String, String> COLUMNS = Map.of("id", "m.id", "name", "m.name", "display_chart",
			"m.display_chart", "default_value", "m.default_value", "calc_type", "m.calc_type", "order", "m.position",
			"visible", "m.visible");

	private static final String SELECT_POINT = "SELECT p.id, p.metric_id, p.point_value, p.counter, p.created_at, "
			+ "p.updated_at FROM metric_points p";

	private final JdbcClient jdbc;

	MetricRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public PageResult<MetricView> page(ListQuery query) {
		return SqlListQueries.page(this.jdbc, SELECT, List.of(), List.of(), COLUMNS, "m.id ASC", query,
				MetricRepository::row);
	}

	public Optional<MetricView> findById(long id) {
		return this.jdbc.sql(SELECT + " WHERE m.id = ?").param(id).query(MetricRepository::row).optional();
	}

	public long insert(MetricView metric) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO metrics (name, suffix, description, default_value, calc_type, display_chart, places, "
					+ "default_view, threshold, position, visible, created_at, updated_at) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(metric.name(), metric.suffix(), metric.description(), metric.defaultValue(), metric.calcType(),
					metric.displayChart(), metric.places(), metric.defaultView(), metric.threshold(), metric.order(),
					metric.visible(), Timestamp.from(metric.createdAt()), Timestamp.from(metric.updatedAt()))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	public void update(MetricView metric) {
		this.jdbc
			.sql("UPDATE metrics SET name = ?, suffix = ?, description = ?, default_value = ?, calc_type = ?, "
					+ "display_chart = ?, places = ?, default_view = ?, threshold = ?, position = ?, visible = ?, "
					+ "updated_at = ? WHERE id = ?")
			.params(metric.name(), metric.suffix(), metric.description(), metric.defaultValue(), metric.calcType(),
					metric.displayChart(), metric.places(), metric.defaultView(), metric.threshold(), metric.order(),
					metric.visible(), Timestamp.from(metric.updatedAt()), metric.id())
			.update();
	}

	public void delete(long id) {
		this.jdbc.sql("DELETE FROM metric_points WHERE metric_id = ?").param(id).update();
		this.jdbc.sql("DELETE FROM metrics WHERE id = ?").param(id).update();
	}

	/**
	 * @return the number of points of a metric, kept up to date with every point added or
	 * removed
	 */
	public long pointCount(long metricId) {
		return this.jdbc.sql("SELECT point_count FROM metrics WHERE id = ?").param(metricId).query(Long.class).single();
	}

	public Optional<MetricPointView> findPoint(long metricId, long pointId) {
		return this.jdbc.sql(SELECT_POINT + " WHERE p.id = ? AND p.metric_id = ?")
			.params(pointId, metricId)
			.query(MetricPointQueries::pointRow)
			.optional();
	}

	/**
	 * @return the earliest point of this value in {@code [from, to)}, to merge a new one
	 * into
	 */
	public Optional<MetricPointView> findMergeable(long metricId, BigDecimal value, Instant from, Instant to) {
		return this.jdbc
			.sql(SELECT_POINT + " WHERE p.metric_id = ? AND p.point_value = ? AND p.created_at >= ? "
					+ "AND p.created_at < ? ORDER BY p.created_at, p.id")
			.params(metricId, value, Timestamp.from(from), Timestamp.from(to))
			.query(MetricPointQueries::pointRow)
			.list()
			.stream()
			.findFirst();
	}

	public long insertPoint(long metricId, BigDecimal value, Instant at, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO metric_points (metric_id, point_value, counter, created_at, updated_at) "
					+ "VALUES (?, ?, 1, ?, ?)")
			.params(metricId, value, Timestamp.from(at), Timestamp.from(now))
			.update(keys, "id");
		this.jdbc.sql("UPDATE metrics SET point_count = point_count + 1 WHERE id = ?").param(metricId).update();
		return keys.getKeyAs(Number.class).longValue();
	}

	public void incrementCounter(long pointId, Instant now) {
		this.jdbc.sql("UPDATE metric_points SET counter = counter + 1, updated_at = ? WHERE id = ?")
			.params(Timestamp.from(now), pointId)
			.update();
	}

	public void updatePoint(long pointId, BigDecimal value, Instant at, Instant now) {
		this.jdbc.sql("UPDATE metric_points SET point_value = ?, created_at = ?, updated_at = ? WHERE id = ?")
			.params(value, Timestamp.from(at), Timestamp.from(now), pointId)
			.update();
	}

	public void deletePoint(long metricId, long pointId) {
		if (this.jdbc.sql("DELETE FROM metric_points WHERE id = ? AND metric_id = ?")
			.params(pointId, metricId)
			.update() > 0) {
			this.jdbc.sql("UPDATE metrics SET point_count = point_count - 1 WHERE id = ?").param(metricId).update();
		}
	}

	private static MetricView row(ResultSet rs, int rowNum) throws SQLException {
		return new MetricView(rs.getLong("id"), rs.getString("name"), rs.getString("suffix"),
				rs.getString("description"), rs.getBigDecimal("default_value"), rs.getInt("calc_type"),
				rs.getBoolean("display_chart"), rs.getInt("places"), rs.getInt("default_view"), rs.getInt("threshold"),
				rs.getInt("position"), rs.getInt("visible"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant());
	}

}
