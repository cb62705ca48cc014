package io.cachet.component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import io.cachet.CachetIntegrationTest;
import io.cachet.component.internal.ComponentRepository;
import io.cachet.component.internal.DailyUptimeRepository;
import io.cachet.component.internal.StatusHistoryRepository;
import io.cachet.component.internal.StatusHistoryRepository.StatusChange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * The roll-up path (stored finished days plus today counted live) gives exactly what
 * {@link UptimeCalculator} gives on the whole history, on a seeded random history.
 */
@CachetIntegrationTest
class UptimeRollupIntegrationTests {

	// Zones no other test uses: the roll-up table is shared with them.
	private static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/Vienna"), ZoneId.of("Asia/Kolkata"),
			ZoneId.of("America/St_Johns"));

	// Ten days that include the end of summer time in Europe (25 October 2026).
	private static final Instant NOW = Instant.parse("2026-10-30T10:17:23Z");

	private static final long FIRST_ID = 9_100_000;

	@Autowired
	StatusHistoryRepository history;

	@Autowired
	DailyUptimeRepository daily;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	JdbcClient jdbc;

	ComponentUptimeService uptime;

	final List<List<StatusChange>> changes = new ArrayList<>();

	@BeforeEach
	void setUp() {
		cleanUp();
		this.uptime = new ComponentUptimeService(this.history,
				new UptimeRollup(this.history, this.daily, this.transactions), anyComponentExists(),
				Clock.fixed(NOW, ZoneOffset.UTC));
		Random random = new Random(20261030);
		for (int c = 0; c < 4; c++) {
			List<StatusChange> component = new ArrayList<>();
			// One component starts within the window, the others before it.
			Instant at = NOW.minus(Duration.ofDays((c == 3) ? 6 : 11));
			while (at.isBefore(NOW.plus(Duration.ofHours(2)))) {
				component.add(record(FIRST_ID + c, ComponentStatus.of(random.nextInt(5)), at));
				if (random.nextInt(10) == 0) {
					component.add(record(FIRST_ID + c, ComponentStatus.of(random.nextInt(5)), at));
				}
				at = at.plusSeconds(60 + random.nextInt(12 * 3600));
			}
			// A change exactly at a midnight.
			component.add(record(FIRST_ID + c, ComponentStatus.MAJOR_OUTAGE,
					LocalDate.parse("2026-10-27").atStartOfDay(ZONES.get(c % ZONES.size())).toInstant()));
			this.changes.add(component);
		}
	}

	@AfterEach
	void cleanUp() {
		this.jdbc.sql("DELETE FROM component_status_history WHERE component_id >= ? AND component_id < ?")
			.params(FIRST_ID, FIRST_ID + 100)
			.update();
		this.jdbc.sql("DELETE FROM component_daily_uptime WHERE component_id >= ? AND component_id < ?")
			.params(FIRST_ID, FIRST_ID + 100)
			.update();
		this.changes.clear();
	}

	@Test
	void rolledUpDaysGiveWhatTheWholeHistoryGives() {
		for (ZoneId zone : ZONES) {
			for (int days : new int[] { 12, 1, 3, 90 }) {
				for (int c = 0; c < this.changes.size(); c++) {
					assertThat(this.uptime.lastDays(days, zone).get(FIRST_ID + c)).as("%s, %d days", zone, days)
						.isEqualTo(expected(c, days, zone));
					assertThat(this.uptime.componentUptime(FIRST_ID + c, days, zone))
						.isEqualTo(expected(c, days, zone));
				}
			}
			LocalDate today = LocalDate.ofInstant(NOW, zone);
			assertThat(this.daily.rolledUpDays(UptimeRollup.zoneId(zone), today.minusDays(12), today.plusDays(1)))
				.as("finished days with history stored in %s", zone)
				.hasSize(11)
				.doesNotContain(today);
		}
	}

	/**
	 * Also the finished days kept in memory: the stamp alone does not change here (the
	 * fixed clock stamps every roll-up alike).
	 */
	@Test
	void aPastChangeInvalidatesTheStoredDays() {
		ZoneId zone = ZONES.get(0);
		assertThat(this.uptime.lastDays(12, zone).get(FIRST_ID)).isEqualTo(expected(0, 12, zone));
		// the first read rolled the days up, the second keeps them in memory
		assertThat(this.uptime.lastDays(12, zone).get(FIRST_ID)).isEqualTo(expected(0, 12, zone));

		Instant past = NOW.minus(Duration.ofDays(4)).plusSeconds(1234);
		this.uptime.recordHistoricalStatus(FIRST_ID, ComponentStatus.MAJOR_OUTAGE, past);
		this.changes.get(0).add(new StatusChange(ComponentStatus.MAJOR_OUTAGE, past));
		this.uptime.recordHistoricalStatus(FIRST_ID, ComponentStatus.OPERATIONAL, past.plusSeconds(7200));
		this.changes.get(0).add(new StatusChange(ComponentStatus.OPERATIONAL, past.plusSeconds(7200)));

		assertThat(this.uptime.lastDays(12, zone).get(FIRST_ID)).isEqualTo(expected(0, 12, zone));
	}

	@Test
	void finishedDaysAreReadAgainOnlyWhenTheTableChanged() {
		ZoneId zone = ZONES.get(2);
		ComponentUptime before = this.uptime.lastDays(12, zone).get(FIRST_ID);
		assertThat(before).isEqualTo(expected(0, 12, zone));
		assertThat(this.uptime.lastDays(12, zone).get(FIRST_ID)).as("from memory").isEqualTo(before);
		// rows changed behind the roll-up's back but stamped as before: still from memory
		this.jdbc
			.sql("UPDATE component_daily_uptime SET major_seconds = known_seconds, worst = 4 "
					+ "WHERE component_id = ? AND zone = ?")
			.params(FIRST_ID, UptimeRollup.zoneId(zone))
			.update();
		assertThat(this.uptime.lastDays(12, zone).get(FIRST_ID)).isEqualTo(before);

		// as another instance's roll-up: a newer stamp, read again
		this.jdbc.sql("UPDATE component_daily_uptime SET computed_at = ? WHERE component_id = ? AND zone = ?")
			.params(Timestamp.from(NOW.plusSeconds(1)), FIRST_ID, UptimeRollup.zoneId(zone))
			.update();
		ComponentUptime reread = this.uptime.lastDays(12, zone).get(FIRST_ID);
		assertThat(reread).isNotEqualTo(before);
		assertThat(this.uptime.componentUptime(FIRST_ID, 12, zone)).isEqualTo(reread);
	}

	@Test
	void theRollUpJobStoresTheMissingFinishedDaysOnce() {
		ZoneId zone = ZONES.get(1);

		assertThat(this.uptime.rollUpMissingDays(12, zone)).isEqualTo(11);
		assertThat(this.uptime.rollUpMissingDays(12, zone)).isZero();
		assertThat(this.uptime.lastDays(12, zone).get(FIRST_ID + 1)).isEqualTo(expected(1, 12, zone));
	}

	private ComponentUptime expected(int component, int days, ZoneId zone) {
		List<StatusChange> sorted = new ArrayList<>(this.changes.get(component));
		sorted.sort(Comparator.comparing(StatusChange::at));
		LocalDate firstDay = LocalDate.ofInstant(NOW, zone).minusDays(days - 1L);
		return UptimeCalculator.calculate(FIRST_ID + component, sorted, firstDay, days, zone, NOW);
	}

	private static ComponentRepository anyComponentExists() {
		ComponentRepository components = mock(ComponentRepository.class);
		given(components.findById(anyLong())).willReturn(Optional.of(mock(ComponentView.class)));
		return components;
	}

	private StatusChange record(long componentId, ComponentStatus status, Instant at) {
		this.uptime.recordHistoricalStatus(componentId, status, at);
		return new StatusChange(status, at);
	}

}
