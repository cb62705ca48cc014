package io.cachet.incident.internal;

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

import io.cachet.incident.IncidentTemplateView;
import io.cachet.shared.ListQuery;
import io.cachet.shared.PageResult;
import io.cachet.shared.SqlListQueries;

@Repository
public class IncidentTemplateRepository {

	private static final String SELECT = "SELECT t.id, t.name, t.slug, t.template, t.created_at, t.updated_at, "
			+ "t.deleted_at FROM incident_templates t";

	private final JdbcClient jdbc;

	IncidentTemplateRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public PageResult<IncidentTemplateView> page(ListQuery query) {
		return SqlListQueries.page(this.jdbc, SELECT, List.of("t.deleted_at IS NULL"), List.of(),
				Map.of("id", "t.id", "name", "t.name", "slug", "t.slug"), "t.id ASC", query,
				IncidentTemplateRepository::row);
	}

	public Optional<IncidentTemplateView> findById(long id) {
		return this.jdbc.sql(SELECT + " WHERE t.id = ? AND t.deleted_at IS NULL")
			.param(id)
			.query(IncidentTemplateRepository::row)
			.optional();
	}

	public Optional<IncidentTemplateView> findBySlug(String slug) {
		return this.jdbc.sql(SELECT + " WHERE t.slug = ? AND t.deleted_at IS NULL ORDER BY t.id")
			.param(slug)
			.query(IncidentTemplateRepository::row)
			.list()
			.stream()
			.findFirst();
	}

	public long insert(String name, String slug, String template, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO incident_templates (name, slug, template, created_at, updated_at) VALUES (?, ?, ?, ?, ?)")
			.params(name, slug, template, Timestamp.from(now), Timestamp.from(now))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	public void update(long id, String name, String slug, String template, Instant now) {
		this.jdbc.sql("UPDATE incident_templates SET name = ?, slug = ?, template = ?, updated_at = ? WHERE id = ?")
			.params(name, slug, template, Timestamp.from(now), id)
			.update();
	}

	public void softDelete(long id, Instant now) {
		this.jdbc.sql("UPDATE incident_templates SET deleted_at = ?, updated_at = ? WHERE id = ?")
			.params(Timestamp.from(now), Timestamp.from(now), id)
			.update();
	}

	private static IncidentTemplateView row(ResultSet rs, int rowNum) throws SQLException {
		Timestamp deletedAt = rs.getTimestamp("deleted_at");
		return new IncidentTemplateView(rs.getLong("id"), rs.getString("name"), rs.getString("slug"),
				rs.getString("template"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant(), (deletedAt != null) ? deletedAt.toInstant() : null);
	}

}
