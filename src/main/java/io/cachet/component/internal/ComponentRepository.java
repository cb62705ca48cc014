package io.cachet.component.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import io.cachet.component.ComponentStatus;
import io.cachet.component.ComponentView;
import io.cachet.shared.ListQuery;
import io.cachet.shared.PageResult;
import io.cachet.shared.SqlListQueries;

/**
 * Components and their tags, with {@link JdbcClient}: the list queries filter, sort and
 * page in the database, and tags are loaded for a whole page at once.
 */
@Repository
public class ComponentRepository {

	private static final String SELECT = "SELECT c.id, c.name, c.description, c.link, c.status, c.position, "
			+ "c.group_id, c.enabled, c.meta, c.created_at, c.updated_at, c.deleted_at FROM components c";

	private static final Map<String, String> COLUMNS = Map.of("id", "c.id", "name", "c.name", "status", "c.status",
			"order", "c.position", "group_id", "c.group_id", "enabled", "c.enabled");

	private static final String VISIBLE_TO_GUESTS = "c.enabled = TRUE AND NOT EXISTS "
			+ "(SELECT 1 FROM component_groups g WHERE g.id = c.group_id AND g.visible = 0)";

	private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper jsonMapper;

	ComponentRepository(JdbcClient jdbc, JsonMapper jsonMapper) {
		this.jdbc = jdbc;
		this.jsonMapper = jsonMapper;
	}

	public PageResult<ComponentView> page(ListQuery query, List<String> tagSlugs, boolean guest) {
		List<String> conditions = new ArrayList<>(List.of("c.deleted_at IS NULL"));
		List<Object> params = new ArrayList<>();
		if (guest) {
			conditions.add(VISIBLE_TO_GUESTS);
		}
		if (!tagSlugs.isEmpty()) {
			conditions.add("c.id IN (SELECT tg.taggable_id FROM taggables tg JOIN tags t ON t.id = tg.tag_id "
					+ "WHERE tg.taggable_type = 'component' AND t.slug IN ("
					+ String.join(", ", tagSlugs.stream().map((slug) -> "?").toList()) + "))");
			params.addAll(tagSlugs);
		}
		PageResult<Row> rows = SqlListQueries.page(this.jdbc, SELECT, conditions, params, COLUMNS, "c.id ASC", query,
				this::row);
		return withTags(rows);
	}

	public Optional<ComponentView> findById(long id) {
		return this.jdbc.sql(SELECT + " WHERE c.id = ? AND c.deleted_at IS NULL")
			.param(id)
			.query(this::row)
			.optional()
			.map((row) -> row.toView(tagsOf(List.of(id)).getOrDefault(id, Map.of())));
	}

	/**
	 * @return the enabled components of these groups, in their display order
	 */
	public List<ComponentView> findEnabledInGroups(Collection<Long> groupIds) {
		if (groupIds.isEmpty()) {
			return List.of();
		}
		List<Row> rows = this.jdbc
			.sql(SELECT + " WHERE c.deleted_at IS NULL AND c.enabled = TRUE AND c.group_id IN (:groups)"
					+ " ORDER BY c.position, c.id")
			.param("groups", groupIds)
			.query(this::row)
			.list();
		return withTags(new PageResult<>(rows, rows.size(), 1, Math.max(1, rows.size()))).items();
	}

	public List<Long> findAllIds() {
		return this.jdbc.sql("SELECT id FROM components WHERE deleted_at IS NULL ORDER BY id").query(Long.class).list();
	}

	public long insert(String name, String description, String link, ComponentStatus status, int order, long groupId,
			boolean enabled, @Nullable Map<String, Object> meta, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO components (name, description, link, status, position, group_id, enabled, meta, "
					+ "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(name, description, link, status.code(), order, groupId, enabled, json(meta), Timestamp.from(now),
					Timestamp.from(now))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	public void update(ComponentView component, Instant now) {
		this.jdbc
			.sql("UPDATE components SET name = ?, description = ?, link = ?, status = ?, position = ?, group_id = ?, "
					+ "enabled = ?, meta = ?, updated_at = ? WHERE id = ?")
			.params(component.name(), component.description(), component.link(), component.status().code(),
					component.order(), component.groupId(), component.enabled(), json(component.meta()),
					Timestamp.from(now), component.id())
			.update();
	}

	public void updateStatus(long id, ComponentStatus status, Instant now) {
		this.jdbc.sql("UPDATE components SET status = ?, updated_at = ? WHERE id = ?")
			.params(status.code(), Timestamp.from(now), id)
			.update();
	}

	public void softDelete(long id, Instant now) {
		this.jdbc.sql("UPDATE components SET deleted_at = ?, updated_at = ? WHERE id = ?")
			.params(Timestamp.from(now), Timestamp.from(now), id)
			.update();
		this.jdbc.sql("DELETE FROM taggables WHERE taggable_type = 'component' AND taggable_id = ?").param(id).update();
	}

	public void ungroup(long groupId, Instant now) {
		this.jdbc.sql("UPDATE components SET group_id = 0, updated_at = ? WHERE group_id = ?")
			.params(Timestamp.from(now), groupId)
			.update();
	}

	/**
	 * Replaces a component's tags, creating the tags that do not exist yet.
	 * @param tags slug to name
	 */
	public void replaceTags(long componentId, Map<String, String> tags, Instant now) {
		this.jdbc.sql("DELETE FROM taggables WHERE taggable_type = 'component' AND taggable_id = ?")
			.param(componentId)
			.update();
		tags.forEach((slug, name) -> {
			Long tagId = this.jdbc.sql("SELECT id FROM tags WHERE slug = ?")
				.param(slug)
				.query(Long.class)
				.optional()
				.orElseGet(() -> {
					KeyHolder keys = new GeneratedKeyHolder();
					this.jdbc.sql("INSERT INTO tags (name, slug, created_at, updated_at) VALUES (?, ?, ?, ?)")
						.params(name, slug, Timestamp.from(now), Timestamp.from(now))
						.update(keys, "id");
					return keys.getKeyAs(Number.class).longValue();
				});
			this.jdbc.sql("INSERT INTO taggables (tag_id, taggable_type, taggable_id) VALUES (?, 'component', ?)")
				.params(tagId, componentId)
				.update();
		});
	}

	private PageResult<ComponentView> withTags(PageResult<Row> rows) {
		Map<Long, Map<String, String>> tags = tagsOf(rows.items().stream().map(Row::id).toList());
		return rows.map((row) -> row.toView(tags.getOrDefault(row.id(), Map.of())));
	}

	private Map<Long, Map<String, String>> tagsOf(List<Long> componentIds) {
		Map<Long, Map<String, String>> tags = new LinkedHashMap<>();
		if (componentIds.isEmpty()) {
			return tags;
		}
		this.jdbc
			.sql("SELECT tg.taggable_id, t.slug, t.name FROM taggables tg JOIN tags t ON t.id = tg.tag_id "
					+ "WHERE tg.taggable_type = 'component' AND tg.taggable_id IN (:ids) ORDER BY t.name")
			.param("ids", componentIds)
			.query((rs) -> {
				tags.computeIfAbsent(rs.getLong(1), (id) -> new LinkedHashMap<>())
					.put(rs.getString(2), rs.getString(3));
			});
		return tags;
	}

	private Row row(ResultSet rs, int rowNum) throws SQLException {
		Timestamp deletedAt = rs.getTimestamp("deleted_at");
		return new Row(rs.getLong("id"), rs.getString("name"), nonNull(rs.getString("description")),
				nonNull(rs.getString("link")),
				ComponentStatus.fromCode(rs.getInt("status")).orElse(ComponentStatus.UNKNOWN), rs.getInt("position"),
				rs.getLong("group_id"), rs.getBoolean("enabled"), meta(rs.getString("meta")),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
				(deletedAt != null) ? deletedAt.toInstant() : null);
	}

	private @Nullable Map<String, Object> meta(@Nullable String json) {
		return (json != null && !json.isBlank()) ? this.jsonMapper.readValue(json, JSON_OBJECT) : null;
	}

	private @Nullable String json(@Nullable Map<String, Object> meta) {
		return (meta != null) ? this.jsonMapper.writeValueAsString(meta) : null;
	}

	private static String nonNull(@Nullable String value) {
		return (value != null) ? value : "";
	}

	private record Row(long id, String name, String description, String link, ComponentStatus status, int order,
			long groupId, boolean enabled, @Nullable Map<String, Object> meta, Instant createdAt, Instant updatedAt,
			@Nullable Instant deletedAt) {

		ComponentView toView(Map<String, String> tags) {
			return new ComponentView(this.id, this.name, this.description, this.link, this.status, this.order,
					this.groupId, this.enabled, this.meta, tags, this.createdAt, this.updatedAt, this.deletedAt);
		}

	}

}
