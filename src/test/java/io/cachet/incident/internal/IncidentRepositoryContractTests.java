package io.cachet.incident.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cachet.component.ComponentStatus;
import io.cachet.incident.AffectedComponent;
import io.cachet.incident.IncidentStatus;
import io.cachet.incident.IncidentView;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The incident queries whose SQL matters (an incident is resolved by its latest update,
 * half-open time windows, guest visibility), run on each database by
 * {@link IncidentRepositoryTests} (H2), {@link IncidentRepositoryPostgresTests} and
 * {@link IncidentRepositoryMariaDbTests}.
 */
abstract class IncidentRepositoryContractTests {

	static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

	@Autowired
	IncidentRepository incidents;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void emptyTables() {
		this.jdbc.sql("DELETE FROM incidents").update();
	}

	@Test
	void theLatestUpdateDecidesWhetherAnIncidentIsResolved() {
		long open = insert("Open", IncidentStatus.INVESTIGATING, true, NOW);
		long fixed = insert("Fixed", IncidentStatus.INVESTIGATING, true, NOW);
		this.incidents.insertUpdate(fixed, IncidentStatus.IDENTIFIED, "Found it", null, NOW.plusSeconds(60));
		this.incidents.insertUpdate(fixed, IncidentStatus.FIXED, "Fixed", null, NOW.plusSeconds(120));
		long reopened = insert("Reopened", IncidentStatus.FIXED, true, NOW);
		this.incidents.insertUpdate(reopened, IncidentStatus.FIXED, "Fixed", null, NOW.plusSeconds(60));
		this.incidents.insertUpdate(reopened, IncidentStatus.WATCHING, "Back again", null, NOW.plusSeconds(120));
		long fixedAtOnce = insert("Fixed at once", IncidentStatus.FIXED, true, NOW);

		assertThat(this.incidents.countUnresolved(false)).isEqualTo(2);
		assertThat(this.incidents.findUnresolved(false)).extracting(IncidentView::id)
			.containsExactlyInAnyOrder(open, reopened)
			.doesNotContain(fixed, fixedAtOnce);
	}

	@Test
	void ofUpdatesAtTheSameTimeTheLastWrittenCounts() {
		long incident = insert("Outage", IncidentStatus.INVESTIGATING, true, NOW);
		this.incidents.insertUpdate(incident, IncidentStatus.WATCHING, "Watching", null, NOW.plusSeconds(60));
		this.incidents.insertUpdate(incident, IncidentStatus.FIXED, "Fixed", null, NOW.plusSeconds(60));

		assertThat(this.incidents.countUnresolved(false)).isZero();
	}

	@Test
	void guestsDoNotCountHiddenIncidents() {
		insert("Hidden", IncidentStatus.INVESTIGATING, false, NOW);
		insert("Shown", IncidentStatus.INVESTIGATING, true, NOW);

		assertThat(this.incidents.countUnresolved(true)).isEqualTo(1);
		assertThat(this.incidents.countUnresolved(false)).isEqualTo(2);
		assertThat(this.incidents.findOccurrenceTimes(true)).hasSize(1);
	}

	@Test
	void occurredBetweenIsHalfOpenAndLatestFirst() {
		Instant day = Instant.parse("2026-12-01T00:00:00Z");
		insert("Before", IncidentStatus.FIXED, true, day.minusSeconds(1));
		long first = insert("At the start", IncidentStatus.FIXED, true, day);
		long last = insert("Late", IncidentStatus.FIXED, true, day.plus(Duration.ofHours(23)));
		insert("Next day", IncidentStatus.FIXED, true, day.plus(Duration.ofDays(1)));

		assertThat(this.incidents.findOccurredBetween(day, day.plus(Duration.ofDays(1)), false))
			.extracting(IncidentView::id)
			.containsExactly(last, first);
		assertThat(this.incidents.hasOccurredBefore(day, false)).isTrue();
		assertThat(this.incidents.hasOccurredBefore(day.minusSeconds(1), false)).isFalse();
	}

	@Test
	void anIncidentComesBackWithItsUpdatesAndComponents() {
		long id = insert("Outage", IncidentStatus.INVESTIGATING, true, NOW);
		long older = this.incidents.insertUpdate(id, IncidentStatus.IDENTIFIED, "Found it", null, NOW.plusSeconds(60));
		long newer = this.incidents.insertUpdate(id, IncidentStatus.FIXED, "Fixed", null, NOW.plusSeconds(120));
		this.incidents.replaceComponents(id, List.of(new AffectedComponent(7, ComponentStatus.MAJOR_OUTAGE)), NOW);

		IncidentView found = this.incidents.findById(id).orElseThrow();
		assertThat(found.updates()).extracting((update) -> update.id()).containsExactly(newer, older);
		assertThat(found.isResolved()).isTrue();
		assertThat(found.duration()).isEqualTo(Duration.ofSeconds(120));
		assertThat(found.components()).containsExactly(new AffectedComponent(7, ComponentStatus.MAJOR_OUTAGE));

		this.incidents.softDelete(id, NOW);
		assertThat(this.incidents.findById(id)).isEmpty();
	}

	/**
	 * Every write that can change whether an incident is resolved, against the decision
	 * by the latest update alone (the query before {@code maybe_unresolved}).
	 */
	@Test
	void theUnresolvedAreExactlyThoseWhoseLatestUpdateIsNotFixed() {
		long noUpdates = insert("No updates", IncidentStatus.INVESTIGATING, true, NOW);
		long fixedNoUpdates = insert("Fixed, no updates", IncidentStatus.FIXED, true, NOW);
		long latestFixed = insert("Latest fixed", IncidentStatus.INVESTIGATING, true, NOW);
		this.incidents.insertUpdate(latestFixed, IncidentStatus.IDENTIFIED, "Found", null, NOW.plusSeconds(60));
		this.incidents.insertUpdate(latestFixed, IncidentStatus.FIXED, "Fixed", null, NOW.plusSeconds(120));
		long olderFixed = insert("Older fixed", IncidentStatus.INVESTIGATING, true, NOW);
		this.incidents.insertUpdate(olderFixed, IncidentStatus.FIXED, "Fixed", null, NOW.plusSeconds(60));
		this.incidents.insertUpdate(olderFixed, IncidentStatus.WATCHING, "Back", null, NOW.plusSeconds(120));
		// an import writes an older update last: the later one still decides
		long importedOutOfOrder = insert("Imported", IncidentStatus.INVESTIGATING, true, NOW);
		this.incidents.insertUpdate(importedOutOfOrder, IncidentStatus.WATCHING, "Later", null, NOW.plusSeconds(120));
		this.incidents.insertUpdate(importedOutOfOrder, IncidentStatus.FIXED, "Earlier", null, NOW.plusSeconds(60));
		this.incidents.updateStatus(importedOutOfOrder, IncidentStatus.FIXED, NOW.plusSeconds(60));
		// the incident's own status set to fixed while its latest update is open
		long ownStatusFixed = insert("Own status fixed", IncidentStatus.INVESTIGATING, true, NOW);
		this.incidents.insertUpdate(ownStatusFixed, IncidentStatus.IDENTIFIED, "Found", null, NOW.plusSeconds(60));
		this.incidents.updateStatus(ownStatusFixed, IncidentStatus.FIXED, NOW.plusSeconds(60));
		// an edited latest update reopens, a deleted latest fixed update reopens
		long edited = insert("Edited", IncidentStatus.INVESTIGATING, true, NOW);
		long editedUpdate = this.incidents.insertUpdate(edited, IncidentStatus.FIXED, "Fixed", null,
				NOW.plusSeconds(60));
		this.incidents.updateUpdate(editedUpdate, IncidentStatus.WATCHING, "Not quite", NOW.plusSeconds(90));
		long deleted = insert("Deleted", IncidentStatus.INVESTIGATING, true, NOW);
		this.incidents.insertUpdate(deleted, IncidentStatus.IDENTIFIED, "Found", null, NOW.plusSeconds(60));
		long deletedUpdate = this.incidents.insertUpdate(deleted, IncidentStatus.FIXED, "Fixed", null,
				NOW.plusSeconds(120));
		this.incidents.deleteUpdate(deletedUpdate);
		// and the other way: an open update edited to fixed, an open one deleted
		long editedToFixed = insert("Edited to fixed", IncidentStatus.FIXED, true, NOW);
		long openUpdate = this.incidents.insertUpdate(editedToFixed, IncidentStatus.WATCHING, "Watching", null,
				NOW.plusSeconds(60));
		this.incidents.updateUpdate(openUpdate, IncidentStatus.FIXED, "Fixed", NOW.plusSeconds(90));
		long openDeleted = insert("Open update deleted", IncidentStatus.FIXED, true, NOW);
		this.incidents.deleteUpdate(this.incidents.insertUpdate(openDeleted, IncidentStatus.WATCHING, "Watching", null,
				NOW.plusSeconds(60)));
		// reopened through the incident itself (no updates)
		long reopenedItself = insert("Reopened itself", IncidentStatus.FIXED, true, NOW);
		this.incidents.update(this.incidents.findById(reopenedItself)
			.map((incident) -> new IncidentView(incident.id(), null, 0, incident.name(), IncidentStatus.IDENTIFIED,
					true, false, false, "", NOW, NOW, NOW, null, Map.of(), List.of(), List.of()))
			.orElseThrow());

		List<Long> expected = List.of(noUpdates, olderFixed, importedOutOfOrder, ownStatusFixed, edited, deleted,
				reopenedItself);
		assertThat(byLatestUpdate()).containsExactlyInAnyOrderElementsOf(expected)
			.doesNotContain(fixedNoUpdates, latestFixed, editedToFixed, openDeleted);
		assertThat(this.incidents.findUnresolved(false)).extracting(IncidentView::id)
			.containsExactlyInAnyOrderElementsOf(expected);
		assertThat(this.incidents.countUnresolved(false)).isEqualTo(expected.size());
	}

	@Test
	void rowsWrittenWithoutTheRepositoryAreStillDecidedByTheirLatestUpdate() {
		long fixedByUpdate = insert("Fixed by an update", IncidentStatus.INVESTIGATING, true, NOW);
		this.incidents.insertUpdate(fixedByUpdate, IncidentStatus.FIXED, "Fixed", null, NOW.plusSeconds(60));
		insert("Fixed", IncidentStatus.FIXED, true, NOW);
		long open = insert("Open", IncidentStatus.INVESTIGATING, true, NOW);
		// as a restored older backup or a seeding script leaves them: at the column's
		// default
		this.jdbc.sql("UPDATE incidents SET maybe_unresolved = TRUE").update();

		assertThat(this.incidents.findUnresolved(false)).extracting(IncidentView::id).containsExactly(open);
		assertThat(this.incidents.countUnresolved(false)).isEqualTo(1);
	}

	/**
	 * The unresolved incidents by the definition alone, every incident's latest update.
	 */
	private List<Long> byLatestUpdate() {
		return this.jdbc.sql("SELECT i.id FROM incidents i WHERE i.deleted_at IS NULL AND COALESCE((SELECT u.status "
				+ "FROM incident_updates u WHERE u.incident_id = i.id ORDER BY u.created_at DESC, u.id DESC LIMIT 1), "
				+ "i.status) <> 4")
			.query(Long.class)
			.list();
	}

	private long insert(String name, IncidentStatus status, boolean visible, Instant occurredAt) {
		return this.incidents.insert(new IncidentView(0, null, 0, name, status, visible, false, false, "", occurredAt,
				NOW, NOW, null, Map.of(), List.of(), List.of()));
	}

}
