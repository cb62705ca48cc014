package io.cachet.schedule.internal;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cachet.schedule.ScheduleStatus;
import io.cachet.schedule.ScheduleView;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The maintenance queries the status page and the notifications rely on (what is not
 * completed, which components are under maintenance, what starts or ends in a window),
 * run on each database by {@link ScheduleRepositoryTests} (H2),
 * {@link ScheduleRepositoryPostgresTests} and {@link ScheduleRepositoryMariaDbTests}.
 */
abstract class ScheduleRepositoryContractTests {

	static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

	@Autowired
	ScheduleRepository schedules;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void emptyTables() {
		this.jdbc.sql("DELETE FROM schedules").update();
	}

	@Test
	void uncompletedIsUpcomingOrInProgressWithItsEndAheadSoonestFirst() {
		long later = insert(ScheduleStatus.UPCOMING, NOW.plusSeconds(7200), null);
		long running = insert(ScheduleStatus.IN_PROGRESS, NOW.minusSeconds(60), NOW.plusSeconds(60));
		insert(ScheduleStatus.IN_PROGRESS, NOW.minusSeconds(120), NOW);
		insert(ScheduleStatus.COMPLETE, NOW.minusSeconds(60), null);
		long deleted = insert(ScheduleStatus.UPCOMING, NOW.plusSeconds(60), null);
		this.schedules.softDelete(deleted, NOW);

		assertThat(this.schedules.findUncompleted(NOW)).extracting(ScheduleView::id).containsExactly(running, later);
	}

	@Test
	void componentsAreUnderMaintenanceFromTheStartUntilTheEnd() {
		long running = insert(ScheduleStatus.UPCOMING, NOW, NOW.plusSeconds(60));
		this.schedules.replaceComponents(running, Map.of(3L, 1, 5L, 1), NOW);
		long upcoming = insert(ScheduleStatus.UPCOMING, NOW.plusSeconds(1), null);
		this.schedules.replaceComponents(upcoming, Map.of(4L, 1), NOW);
		long complete = insert(ScheduleStatus.COMPLETE, NOW.minusSeconds(60), null);
		this.schedules.replaceComponents(complete, Map.of(6L, 1), NOW);
		long overlapping = insert(ScheduleStatus.IN_PROGRESS, NOW.minusSeconds(60), null);
		this.schedules.replaceComponents(overlapping, Map.of(3L, 1), NOW);

		assertThat(this.schedules.findComponentsUnderMaintenance(NOW)).containsExactly(3L, 5L);
		assertThat(this.schedules.findComponentsUnderMaintenance(NOW.plusSeconds(60))).containsExactly(3L, 4L);
	}

	@Test
	void startingOrEndingBetweenExcludesTheStartOfTheWindowAndIncludesItsEnd() {
		long starts = insert(ScheduleStatus.UPCOMING, NOW.plusSeconds(60), null);
		long ends = insert(ScheduleStatus.IN_PROGRESS, NOW.minusSeconds(3600), NOW.plusSeconds(60));
		insert(ScheduleStatus.UPCOMING, NOW, null);
		insert(ScheduleStatus.UPCOMING, NOW.plusSeconds(61), null);

		assertThat(this.schedules.findStartingOrEndingBetween(NOW, NOW.plusSeconds(60))).extracting(ScheduleView::id)
			.containsExactly(starts, ends);
	}

	@Test
	void aScheduleComesBackWithItsComponents() {
		long id = insert(ScheduleStatus.UPCOMING, NOW, null);
		this.schedules.replaceComponents(id, Map.of(3L, 1), NOW);
		this.schedules.replaceComponents(id, Map.of(4L, 1), NOW);

		ScheduleView found = this.schedules.findById(id).orElseThrow();
		assertThat(found.components()).extracting((component) -> component.componentId()).containsExactly(4L);
		assertThat(found.scheduledAt()).isEqualTo(NOW);
		assertThat(found.completedAt()).isNull();
	}

	private long insert(ScheduleStatus status, Instant scheduledAt, Instant completedAt) {
		return this.schedules.insert("Upgrade", "Planned", status, scheduledAt, completedAt, NOW);
	}

}
