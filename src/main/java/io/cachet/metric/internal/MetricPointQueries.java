package io.cachet.metric.internal;

import java.math.BigDecimal;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Repository;

import io.cachet.config.DatabaseVendor;
import io.cachet.metric.MetricPointView;
import io.cachet.shared.ListQuery;
import io.cachet.shared.PageResult;

/**
 * The reads of a metric's points that must stay fast at millions of points: the chart's
 * slots, aggregated by the database, and the pages of the points list. The one place with
 * vendor-specific SQL for points (the epoch arithmetic of the slots).
 */
@Repository
public class MetricPointQueries {

	private static final String COLUMNS = "p.id, p.metric_id, p.point_value, p.counter, p.created_at, p.updated_at";

	/** API field to column, for sorting and filtering. */
	private static final Map<String, String> FIELDS = Map.of("id", "id", "value", "point_value", "counter", "counter",
			"created_at", "created_at");

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private volatile @Nullable DatabaseVendor vendor;

	MetricPointQueries(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	/**
	 * A metric's points in {@code [from, to)} summed per slot of {@code slotSeconds}
	 * counted from the Unix epoch (UTC): at most one row per slot, whatever the number of
	 * points, so the chart never holds the points themselves.
	 * @param slotSeconds the slot length, at least 1
	 * @return the slots that hold points, in no particular order
	 */
	public List<PointSlot> slots(long metricId, Instant from, Instant to, int slotSeconds) {
		if (slotSeconds < 1) {
			throw new IllegalArgumentException("slotSeconds must be at least 1");
		}
		// The slot length (an int of the caller's) is written into the SQL, so that the
		// three databases do the same integer arithmetic with no parameter type to guess.
		String slot = switch (vendor()) {
			// TIMESTAMPDIFF ignores the session's time zone, UNIX_TIMESTAMP would not.
			case MARIADB -> "TIMESTAMPDIFF(SECOND, '1970-01-01 00:00:00', created_at) DIV " + slotSeconds;
			// The TIMESTAMP holds UTC wall-clock time, so its epoch is UTC's.
			case H2, POSTGRESQL -> "FLOOR(EXTRACT(EPOCH FROM created_at) / " + slotSeconds + ")";
		};
		return this.jdbc
			.sql("SELECT slot, SUM(point_value * counter), SUM(point_value), COUNT(*) FROM (SELECT " + slot
					+ " AS slot, point_value, counter FROM metric_points"
					+ " WHERE metric_id = ? AND created_at >= ? AND created_at < ?) s GROUP BY slot")
			.params(metricId, Timestamp.from(from), Timestamp.from(to))
			.query((rs, rowNum) -> new PointSlot(Instant.ofEpochSecond(rs.getLong(1) * slotSeconds),
					rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getLong(4)))
			.list();
	}

	/**
	 * A page of a metric's points, newest first unless sorted otherwise.
	 * <p>
	 * A deep page ({@code ?page=40000} of a million points) costs what the database skips
	 * to reach it, so two things keep that small. The rows skipped are index entries
	 * only: the inner query reads ids from the index on
	 * {@code (metric_id, created_at, id)} (migration V19; in MariaDB the secondary index
	 * holds the primary key anyway), and only the page's rows are read from the table (a
	 * deferred join) — a plain OFFSET read every skipped row. And a page past the middle
	 * is counted from the other end, in the opposite order, with the total kept in
	 * {@code metrics.point_count}, so at most half of the index is walked. A stored
	 * ordinal per point would make any page a range seek but needs renumbering on every
	 * point added in the past or removed; a roll-up of counts would be a second write per
	 * point. Neither was needed for the targets (see {@code bench/api-listing.sh}). The
	 * point count is kept in the transaction of every point added or removed, as the
	 * pagination's total already relied on.
	 * @param knownTotal the metric's number of points
	 */
	public PageResult<MetricPointView> page(long metricId, ListQuery query, long knownTotal) {
		List<String> conditions = new ArrayList<>(List.of("metric_id = ?"));
		List<Object> params = new ArrayList<>(List.of(metricId));
		query.filters().forEach((field, value) -> {
			String column = FIELDS.get(field);
			if (column != null) {
				conditions.add(column + " = ?");
				params.add(value);
			}
		});
		String where = " WHERE " + String.join(" AND ", conditions);
		long total = (conditions.size() == 1) ? knownTotal
				: this.jdbc.sql("SELECT COUNT(*) FROM metric_points" + where).params(params).query(Long.class).single();
		long offset = query.offset();
		if (total == 0 || offset >= total) {
			return new PageResult<>(List.of(), total, query.page(), query.perPage());
		}
		Order order = new Order((query.sort() != null) ? FIELDS.get(query.sort()) : null, query.descending());
		long size = Math.min(query.perPage(), total - offset);
		long fromTheEnd = total - offset - size;
		boolean reverse = fromTheEnd < offset;
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(size);
		pageParams.add(reverse ? fromTheEnd : offset);
		return new PageResult<>(this.jdbc
			.sql("SELECT " + COLUMNS + " FROM metric_points p JOIN (SELECT id FROM metric_points" + where + " ORDER BY "
					+ order.sql("", reverse) + " LIMIT ? OFFSET ?) k ON k.id = p.id ORDER BY " + order.sql("p.", false))
			.params(pageParams)
			.query(MetricPointQueries::pointRow)
			.list(), total, query.page(), query.perPage());
	}

	static MetricPointView pointRow(ResultSet rs, int rowNum) throws SQLException {
		return new MetricPointView(rs.getLong("id"), rs.getLong("metric_id"), rs.getBigDecimal("point_value"),
				rs.getInt("counter"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant());
	}

	private DatabaseVendor vendor() {
		DatabaseVendor known = this.vendor;
		if (known == null) {
			try {
				known = DatabaseVendor.fromProductName(
						JdbcUtils.extractDatabaseMetaData(this.dataSource, DatabaseMetaData::getDatabaseProductName));
			}
			catch (MetaDataAccessException ex) {
				throw new IllegalStateException("Cannot tell which database holds the metric points", ex);
			}
			this.vendor = known;
		}
		return known;
	}

	/**
	 * The points of one slot of a chart.
	 *
	 * @param start the slot's start
	 * @param weightedSum the sum of value × counter over the slot's points
	 * @param valueSum the sum of the values
	 * @param points the number of points, at least 1
	 */
	public record PointSlot(Instant start, BigDecimal weightedSum, BigDecimal valueSum, long points) {
	}

	/**
	 * An ORDER BY of the points: the sort column (if any), then the natural order, newest
	 * first and the highest id first among equal times, which makes it a total order.
	 */
	private record Order(@Nullable String column, boolean descending) {

		/**
		 * @param alias the table alias with its dot, or empty
		 * @param reverse every direction turned round, to count from the other end
		 */
		String sql(String alias, boolean reverse) {
			String natural = alias + "created_at " + direction(true, reverse) + ", " + alias + "id "
					+ direction(true, reverse);
			return (this.column == null) ? natural
					: alias + this.column + " " + direction(this.descending, reverse) + ", " + natural;
		}

		private static String direction(boolean descending, boolean reverse) {
			return (descending != reverse) ? "DESC" : "ASC";
		}

	}

}
