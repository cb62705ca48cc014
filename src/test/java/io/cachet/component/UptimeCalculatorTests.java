package io.cachet.component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.cachet.component.internal.StatusHistoryRepository.StatusChange;

import static io.cachet.component.ComponentStatus.MAJOR_OUTAGE;
import static io.cachet.component.ComponentStatus.OPERATIONAL;
import static io.cachet.component.ComponentStatus.PARTIAL_OUTAGE;
import static io.cachet.component.ComponentStatus.PERFORMANCE_ISSUES;
import static io.cachet.component.ComponentStatus.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The roll-up arithmetic on known histories.
 */
class UptimeCalculatorTests {

	private static final ZoneId UTC = ZoneOffset.UTC;

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	private static final LocalDate DAY = LocalDate.parse("2026-11-10");

	private static final Instant LATER = Instant.parse("2026-11-20T00:00:00Z");

	@Test
	void sixHoursOfMajorOutageLeaveThreeQuarters() {
		DailyUptime day = oneDay(history(OPERATIONAL, "2026-11-01T00:00:00Z", MAJOR_OUTAGE, "2026-11-10T06:00:00Z",
				OPERATIONAL, "2026-11-10T12:00:00Z"));

		assertThat(day.uptime()).isEqualTo(0.75);
		assertThat(day.worst()).isEqualTo(MAJOR_OUTAGE);
		assertThat(day.majorOutageSeconds()).isEqualTo(6 * 3600);
	}

	@Test
	void partialOutageCountsAsThirtyPercentDowntime() {
		DailyUptime day = oneDay(history(OPERATIONAL, "2026-11-01T00:00:00Z", PARTIAL_OUTAGE, "2026-11-10T08:00:00Z",
				OPERATIONAL, "2026-11-10T12:00:00Z"));

		assertThat(UptimeCalculator.PARTIAL_OUTAGE_WEIGHT).isEqualTo(0.3);
		assertThat(day.uptime()).isCloseTo(1 - 0.3 * 4 / 24, within(1e-12)).isCloseTo(0.95, within(1e-12));
		assertThat(day.worst()).isEqualTo(PARTIAL_OUTAGE);
		assertThat(day.partialOutageSeconds()).isEqualTo(4 * 3600);
	}

	@Test
	void performanceIssuesCountAsUp() {
		DailyUptime day = oneDay(history(OPERATIONAL, "2026-11-01T00:00:00Z", PERFORMANCE_ISSUES,
				"2026-11-10T08:00:00Z", OPERATIONAL, "2026-11-10T12:00:00Z"));

		assertThat(day.uptime()).isEqualTo(1.0);
		assertThat(day.worst()).isEqualTo(PERFORMANCE_ISSUES);
		assertThat(day.degradedSeconds()).isEqualTo(4 * 3600);
	}

	@Test
	void unknownTimeIsLeftOutOfTheDenominator() {
		DailyUptime day = oneDay(history(UNKNOWN, "2026-11-01T00:00:00Z", OPERATIONAL, "2026-11-10T12:00:00Z",
				MAJOR_OUTAGE, "2026-11-10T18:00:00Z"));

		assertThat(day.uptime()).isEqualTo(0.5);
		assertThat(day.worst()).isEqualTo(MAJOR_OUTAGE);
	}

	@Test
	void aDayUnknownThroughoutHasNoData() {
		DailyUptime day = oneDay(history(UNKNOWN, "2026-11-01T00:00:00Z"));

		assertThat(day.uptime()).isNull();
		assertThat(day.hasData()).isFalse();
		assertThat(day.worst()).isEqualTo(UNKNOWN);
	}

	@Test
	void componentCreatedMidDayCountsFromItsCreation() {
		ComponentUptime uptime = UptimeCalculator.calculate(1,
				history(OPERATIONAL, "2026-11-10T18:00:00Z", MAJOR_OUTAGE, "2026-11-10T21:00:00Z"), DAY.minusDays(1), 2,
				UTC, Instant.parse("2026-11-11T00:00:00Z"));

		assertThat(uptime.days().get(0).uptime()).isNull();
		assertThat(uptime.days().get(0).worst()).isEqualTo(UNKNOWN);
		assertThat(uptime.days().get(1).uptime()).isEqualTo(0.5);
		assertThat(uptime.uptime()).isEqualTo(0.5);
	}

	@Test
	void aChangeExactlyAtMidnightBelongsToTheNewDay() {
		ComponentUptime uptime = UptimeCalculator.calculate(1, history(OPERATIONAL, "2026-11-01T00:00:00Z",
				MAJOR_OUTAGE, "2026-11-10T18:00:00Z", OPERATIONAL, "2026-11-11T00:00:00Z"), DAY, 2, UTC, LATER);

		DailyUptime before = uptime.days().get(0);
		DailyUptime after = uptime.days().get(1);
		assertThat(before.uptime()).isEqualTo(0.75);
		assertThat(before.majorOutageSeconds()).isEqualTo(6 * 3600);
		assertThat(after.uptime()).isEqualTo(1.0);
		assertThat(after.worst()).isEqualTo(OPERATIONAL);
		assertThat(after.majorOutageSeconds()).isZero();
		assertThat(uptime.uptime()).isEqualTo(1 - 6.0 / 48);
	}

	@Test
	void todayCountsUntilNow() {
		DailyUptime today = UptimeCalculator
			.calculate(1, history(OPERATIONAL, "2026-11-01T00:00:00Z", MAJOR_OUTAGE, "2026-11-10T06:00:00Z"), DAY, 1,
					UTC, Instant.parse("2026-11-10T12:00:00Z"))
			.days()
			.get(0);

		assertThat(today.uptime()).isEqualTo(0.5);
		assertThat(today.majorOutageSeconds()).isEqualTo(6 * 3600);
	}

	@Test
	void totalWeighsDaysByTheirKnownTime() {
		// Day 1: 12 known hours, 6 down; day 2: 24 known hours, none down.
		ComponentUptime uptime = UptimeCalculator.calculate(1,
				history(MAJOR_OUTAGE, "2026-11-10T12:00:00Z", OPERATIONAL, "2026-11-10T18:00:00Z"), DAY, 2, UTC, LATER);

		assertThat(uptime.days().get(0).uptime()).isEqualTo(0.5);
		assertThat(uptime.days().get(1).uptime()).isEqualTo(1.0);
		assertThat(uptime.uptime()).isEqualTo(1 - 6.0 / 36);
	}

	@Test
	void daysAreCountedInTheGivenTimeZone() {
		// 23:00 UTC on the 9th is midnight in Berlin (UTC+1 in November).
		ComponentUptime uptime = UptimeCalculator.calculate(1, history(OPERATIONAL, "2026-11-01T00:00:00Z",
				MAJOR_OUTAGE, "2026-11-09T23:00:00Z", OPERATIONAL, "2026-11-10T05:00:00Z"), DAY.minusDays(1), 2, BERLIN,
				LATER);

		assertThat(uptime.days().get(0).uptime()).isEqualTo(1.0);
		assertThat(uptime.days().get(1).uptime()).isEqualTo(0.75);
	}

	@Test
	void springForwardDayHasTwentyThreeHours() {
		// 2026-03-29 in Berlin: 00:00 is 23:00 UTC the day before, the next midnight
		// 22:00 UTC.
		ComponentUptime uptime = UptimeCalculator.calculate(1, history(OPERATIONAL, "2026-03-01T00:00:00Z",
				MAJOR_OUTAGE, "2026-03-29T10:00:00Z", OPERATIONAL, "2026-03-29T11:00:00Z"),
				LocalDate.parse("2026-03-29"), 1, BERLIN, LATER);

		DailyUptime day = uptime.days().get(0);
		assertThat(day.uptime()).isEqualTo(1 - 3600.0 / (23 * 3600));
		assertThat(day.majorOutageSeconds()).isEqualTo(3600);
	}

	@Test
	void fallBackDayHasTwentyFiveHours() {
		ComponentUptime uptime = UptimeCalculator.calculate(1, history(OPERATIONAL, "2026-10-01T00:00:00Z",
				PARTIAL_OUTAGE, "2026-10-25T10:00:00Z", OPERATIONAL, "2026-10-25T15:00:00Z"),
				LocalDate.parse("2026-10-25"), 1, BERLIN, LATER);

		DailyUptime day = uptime.days().get(0);
		assertThat(day.partialOutageSeconds()).isEqualTo(5 * 3600);
		assertThat(day.uptime()).isCloseTo(0.94, within(1e-12));
	}

	@Test
	void theDayEndStatusIsTheStatusInForceAtMidnight() {
		List<UptimeCalculator.DayCount> counts = UptimeCalculator.countDays(history(OPERATIONAL, "2026-11-10T06:00:00Z",
				MAJOR_OUTAGE, "2026-11-10T23:00:00Z", OPERATIONAL, "2026-11-12T00:00:00Z"), DAY.minusDays(1), 4, UTC,
				LATER);

		assertThat(counts).extracting(UptimeCalculator.DayCount::endStatus)
			.containsExactly(null, MAJOR_OUTAGE, MAJOR_OUTAGE, OPERATIONAL);
	}

	private static DailyUptime oneDay(List<StatusChange> changes) {
		return UptimeCalculator.calculate(1, changes, DAY, 1, UTC, LATER).days().get(0);
	}

	private static List<StatusChange> history(Object... statusesAndTimes) {
		List<StatusChange> changes = new ArrayList<>();
		for (int i = 0; i < statusesAndTimes.length; i += 2) {
			changes.add(new StatusChange((ComponentStatus) statusesAndTimes[i],
					Instant.parse((String) statusesAndTimes[i + 1])));
		}
		return changes;
	}

}
