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

	private long insert(String name, IncidentStatus status, boolean visible, Instant occurredAt) {
		return this.incidents.insert(new IncidentView(0, null, 0, name, status, visible, false, false, "", occurredAt,
				NOW, NOW, null, Map.of(), List.of(), List.of()));
	}

}
