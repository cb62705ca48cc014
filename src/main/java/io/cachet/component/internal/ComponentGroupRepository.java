package io.cachet.component.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import io.cachet.component.ComponentGroupView;
import io.cachet.shared.ListQuery;
import io.cachet.shared.PageResult;
import io.cachet.shared.SqlListQueries;

@Repository
public class ComponentGroupRepository {

	private static final String SELECT = "SELECT g.id, g.name, g.position, g.collapsed, g.visible, g.created_at, "
			+ "g.updated_at FROM component_groups g";

	private static final Map<String, String> COLUMNS = Map.of("id", "g.id", "name", "g.name", "order", "g.position",
			"collapsed", "g.collapsed", "visible", "g.visible");

	private final JdbcClient jdbc;

	ComponentGroupRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public PageResult<ComponentGroupView> page(ListQuery query, boolean guest) {
		List<String> conditions = new ArrayList<>();
		if (guest) {
			conditions.add("g.visible = 1");
		}
		return SqlListQueries.page(this.jdbc, SELECT, conditions, List.of(), COLUMNS, "g.id ASC", query,
				ComponentGroupRepository::row);
	}

	public Optional<ComponentGroupView> findById(long id) {
		return this.jdbc.sql(SELECT + " WHERE g.id = ?").param(id).query(ComponentGroupRepository::row).optional();
	}

	public long insert(String name, int order, int collapsed, int visible, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO component_groups (name, position, collapsed, visible, created_at, updated_at) "
					+ "VALUES (?, ?, ?, ?, ?, ?)")
			.params(name, order, collapsed, visible, Timestamp.from(now), Timestamp.from(now))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	public void update(ComponentGroupView group, Instant now) {
		this.jdbc
			.sql("UPDATE component_groups SET name = ?, position = ?, collapsed = ?, visible = ?, updated_at = ? "
					+ "WHERE id = ?")
			.params(group.name(), group.order(), group.collapsed(), group.visible(), Timestamp.from(now), group.id())
			.update();
	}

	public void delete(long id) {
		this.jdbc.sql("DELETE FROM component_groups WHERE id = ?").param(id).update();
	}

	private static ComponentGroupView row(ResultSet rs, int rowNum) throws SQLException {
		return new ComponentGroupView(rs.getLong("id"), rs.getString("name"), rs.getInt("position"),
				rs.getInt("collapsed"), rs.getInt("visible"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant());
	}

}
