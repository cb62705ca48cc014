package io.cachet.component.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cachet.component.ComponentStatus;
import io.cachet.component.ComponentView;
import io.cachet.shared.ListQuery;
import io.cachet.shared.PageResult;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The component queries whose SQL matters (guest visibility, tag filters, sorting and
 * pages), run on each database by {@link ComponentRepositoryTests} (H2),
 * {@link ComponentRepositoryPostgresTests} and {@link ComponentRepositoryMariaDbTests}.
 */
abstract class ComponentRepositoryContractTests {

	static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

	@Autowired
	ComponentRepository components;

	@Autowired
	ComponentGroupRepository groups;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void emptyTables() {
		for (String table : List.of("taggables", "tags", "components", "component_groups")) {
			this.jdbc.sql("DELETE FROM " + table).update();
		}
	}

	@Test
	void guestsSeeEnabledComponentsOutsideHiddenGroups() {
		long hidden = this.groups.insert("Internal", 0, 0, 0, NOW);
		long shown = this.groups.insert("Public", 1, 0, 1, NOW);
		long web = insert("Web", 0, 0, true);
		long api = insert("API", 1, shown, true);
		long database = insert("Database", 2, hidden, true);
		long disabled = insert("Legacy", 3, 0, false);

		assertThat(ids(this.components.page(all(), List.of(), true))).containsExactly(web, api);
		assertThat(ids(this.components.page(all(), List.of(), false))).containsExactly(web, api, database, disabled);
	}

	@Test
	void filtersByAnyOfTheTags() {
		long web = insert("Web", 0, 0, true);
		long api = insert("API", 1, 0, true);
		insert("CDN", 2, 0, true);
		this.components.replaceTags(web, Map.of("public", "Public", "edge", "Edge"), NOW);
		this.components.replaceTags(api, Map.of("public", "Public"), NOW);

		assertThat(ids(this.components.page(all(), List.of("edge"), false))).containsExactly(web);
		assertThat(ids(this.components.page(all(), List.of("public", "edge"), false))).containsExactly(web, api);
		assertThat(this.components.findById(web).orElseThrow().tags()).containsExactly(Map.entry("edge", "Edge"),
				Map.entry("public", "Public"));
	}

	@Test
	void sortsByTheApiFieldNamesAndPages() {
		long c = insert("C", 0, 0, true);
		long a = insert("A", 2, 0, true);
		long b = insert("B", 1, 0, true);

		assertThat(ids(this.components.page(new ListQuery(Map.of(), "order", false, 1, 10), List.of(), false)))
			.containsExactly(c, b, a);
		PageResult<ComponentView> second = this.components.page(new ListQuery(Map.of(), "name", true, 2, 2), List.of(),
				false);
		assertThat(ids(second)).containsExactly(a);
		assertThat(second.total()).isEqualTo(3);
		assertThat(second.totalPages()).isEqualTo(2);
	}

	@Test
	void filtersByExactValues() {
		long web = insert("Web", 0, 0, true);
		insert("API", 1, 0, false);

		assertThat(
				ids(this.components.page(new ListQuery(Map.of("enabled", true), null, false, 1, 10), List.of(), false)))
			.containsExactly(web);
		assertThat(
				ids(this.components.page(new ListQuery(Map.of("name", "Web"), null, false, 1, 10), List.of(), false)))
			.containsExactly(web);
	}

	@Test
	void deletedComponentsAreGone() {
		long web = insert("Web", 0, 0, true);
		long api = insert("API", 1, 0, true);

		this.components.softDelete(api, NOW);

		assertThat(this.components.findById(api)).isEmpty();
		assertThat(this.components.findAllIds()).containsExactly(web);
		assertThat(ids(this.components.page(all(), List.of(), false))).containsExactly(web);
	}

	@Test
	void keepsMetaAsJson() {
		long id = this.components.insert("Web", "", "", ComponentStatus.PARTIAL_OUTAGE, 0, 0, true,
				Map.of("owner", "team-a", "tier", 1), NOW);

		ComponentView found = this.components.findById(id).orElseThrow();
		assertThat(found.meta()).isEqualTo(Map.of("owner", "team-a", "tier", 1));
		assertThat(found.status()).isEqualTo(ComponentStatus.PARTIAL_OUTAGE);
		assertThat(found.createdAt()).isEqualTo(NOW);
	}

	private long insert(String name, int order, long groupId, boolean enabled) {
		return this.components.insert(name, "", "", ComponentStatus.OPERATIONAL, order, groupId, enabled, null, NOW);
	}

	private static ListQuery all() {
		return new ListQuery(Map.of(), "id", false, 1, 100);
	}

	private static List<Long> ids(PageResult<ComponentView> page) {
		return page.items().stream().map(ComponentView::id).toList();
	}

}
