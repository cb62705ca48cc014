package io.cachet.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Runs a {@link ListQuery} against one table with {@link JdbcClient}: exact-match filters
 * and sorting on whitelisted columns only (names never come from the request), then a
 * count and one page with LIMIT/OFFSET, which H2, PostgreSQL and MariaDB all accept.
 */
public final class SqlListQueries {

	private SqlListQueries() {
	}

	/**
	 * @param select the SELECT ... FROM ... part
	 * @param baseConditions conditions always applied (may be empty), with {@code ?}
	 * parameters
	 * @param baseParams the parameters of {@code baseConditions}
	 * @param columns API field name to SQL column, for filtering and sorting
	 * @param naturalOrder the ORDER BY used without a sort field, and after it as a
	 * tie-breaker
	 */
	public static <T> PageResult<T> page(JdbcClient jdbc, String select, List<String> baseConditions,
			List<Object> baseParams, Map<String, String> columns, String naturalOrder, ListQuery query,
			RowMapper<T> rowMapper) {
		return page(jdbc, select, baseConditions, baseParams, columns, naturalOrder, query, rowMapper, null);
	}

	/**
	 * As
	 * {@link #page(JdbcClient, String, List, List, Map, String, ListQuery, RowMapper)},
	 * with the number of rows the base conditions match when the caller keeps it (used
	 * when the query has no filter, to spare a COUNT over a big table).
	 */
	public static <T> PageResult<T> page(JdbcClient jdbc, String select, List<String> baseConditions,
			List<Object> baseParams, Map<String, String> columns, String naturalOrder, ListQuery query,
			RowMapper<T> rowMapper, @Nullable Long knownTotal) {
		List<String> conditions = new ArrayList<>(baseConditions);
		List<Object> params = new ArrayList<>(baseParams);
		query.filters().forEach((field, value) -> {
			String column = columns.get(field);
			if (column != null) {
				conditions.add(column + " = ?");
				params.add(value);
			}
		});
		String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
		String fromWhere = select.substring(select.toUpperCase().indexOf(" FROM ")) + where;
		boolean filtered = conditions.size() > baseConditions.size();
		long total = (knownTotal != null && !filtered) ? knownTotal
				: jdbc.sql("SELECT COUNT(*)" + fromWhere).params(params).query(Long.class).single();
		String sortColumn = (query.sort() != null) ? columns.get(query.sort()) : null;
		String orderBy = (sortColumn != null)
				? sortColumn + (query.descending() ? " DESC" : " ASC") + ", " + naturalOrder : naturalOrder;
		List<Object> pageParams = new ArrayList<>(params);
		String sql = select + where + " ORDER BY " + orderBy;
		if (query.perPage() != Integer.MAX_VALUE) {
			sql += " LIMIT ? OFFSET ?";
			pageParams.add(query.perPage());
			pageParams.add(query.offset());
		}
		List<T> items = (total == 0) ? List.of() : jdbc.sql(sql).params(pageParams).query(rowMapper).list();
		return new PageResult<>(items, total, query.page(), query.perPage());
	}

}
