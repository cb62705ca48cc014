package io.cachet.metric;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.cachet.metric.internal.MetricPointQueries;
import io.cachet.metric.internal.MetricPointQueries.PointSlot;
import io.cachet.metric.internal.MetricRepository;
import io.cachet.shared.InvalidInputException;

import org.springframework.context.ApplicationEventPublisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verifyNoMoreInteractions;

/**
 * The metric rules without a database: charts (buckets, sum or average, default value,
 * places, time zone, read as slots summed by the database) and the merging of equal
 * points within the threshold. The slots here are summed by {@link #points(Map)} as the
 * repository contract tests check the databases do.
 */
class MetricServiceTests {

	static final Instant NOW = Instant.parse("2026-12-01T10:20:00Z");

	final MetricRepository repository = mock(MetricRepository.class);

	final MetricPointQueries queries = mock(MetricPointQueries.class);

	MetricService service(Instant now) {
		return new MetricService(this.repository, this.queries, mock(ApplicationEventPublisher.class),
				Clock.fixed(now, ZoneOffset.UTC));
	}

	@Test
	void chartSumsEachPointTimesItsCounterPerHour() {
		metric(0, 2);
		points(Map.of(Instant.parse("2026-12-01T10:05:00Z"), point("2", 3), Instant.parse("2026-12-01T10:10:00Z"),
				point("1", 1), Instant.parse("2026-12-01T09:59:30Z"), point("0.125", 1)));

		MetricChart chart = service(NOW).chart(1, MetricPeriod.LAST_12_HOURS, ZoneId.of("UTC"));

		assertThat(chart.buckets()).hasSize(12);
		assertThat(chart.buckets().get(0).key()).isEqualTo("2026-11-30 23:00");
		assertThat(chart.buckets().get(11).key()).isEqualTo("2026-12-01 10:00");
		assertThat(chart.buckets().get(11).value()).isEqualByComparingTo("7");
		assertThat(chart.buckets().get(11).value().scale()).isEqualTo(2);
		assertThat(chart.buckets().get(10).value()).isEqualTo(new BigDecimal("0.13"));
		assertThat(chart.buckets().get(0).value()).isEqualTo(new BigDecimal("5.00"));
		assertThat(chart.buckets().get(0).hasPoints()).isFalse();
		assertThat(chart.buckets().get(11).hasPoints()).isTrue();
	}

	@Test
	void chartAveragesThePointsOfABucketIgnoringTheirCounters() {
		metric(1, 1);
		points(Map.of(Instant.parse("2026-12-01T10:05:00Z"), point("2", 3), Instant.parse("2026-12-01T10:10:00Z"),
				point("5", 1)));

		MetricChart chart = service(NOW).chart(1, MetricPeriod.LAST_12_HOURS, ZoneId.of("UTC"));

		assertThat(chart.buckets().get(11).value()).isEqualTo(new BigDecimal("3.5"));
	}

	@Test
	void aPointRoundedPastTheCurrentMinuteBelongsToIt() {
		metric(0, 0);
		Instant now = Instant.parse("2026-12-01T10:20:50Z");
		points(Map.of(Instant.parse("2026-12-01T10:21:00Z"), point("4", 1)));

		MetricChart chart = service(now).chart(1, MetricPeriod.LAST_HOUR, ZoneId.of("UTC"));

		assertThat(chart.buckets()).hasSize(61);
		assertThat(chart.buckets().get(60).key()).isEqualTo("2026-12-01 10:20");
		assertThat(chart.buckets().get(60).value()).isEqualTo(new BigDecimal("4"));
		then(this.queries).should()
			.slots(1L, Instant.parse("2026-12-01T09:20:00Z"), Instant.parse("2026-12-01T10:21:30Z"), 60);
	}

	/**
	 * The bounded chart query (issue 16): the chart asks the database for at most one row
	 * per quarter hour of its period, and nothing else about the points.
	 */
	@Test
	void aMonthIsReadAsQuarterHourSlotsOnly() {
		metric(0, 2);
		points(Map.of());

		service(NOW).chart(1, MetricPeriod.MONTH, ZoneId.of("Asia/Kathmandu"));

		then(this.queries).should()
			.slots(1L, Instant.parse("2026-10-31T18:15:00Z"), Instant.parse("2026-12-01T18:15:30Z"), 900);
		verifyNoMoreInteractions(this.queries);
	}

	@Test
	void slotsNeverStraddleTwoBucketsOfTheZone() {
		for (String id : ZoneId.getAvailableZoneIds()) {
			ZoneId zone = ZoneId.of(id);
			for (MetricPeriod period : MetricPeriod.values()) {
				ZonedDateTime first = period.firstBucket(NOW, zone);
				int slot = MetricService.slotSeconds(period, zone, first, first.plusDays(32).toInstant());
				assertThat(slot).as("%s in %s", period, id).isEqualTo((period == MetricPeriod.LAST_HOUR) ? 60 : 900);
			}
		}
		ZoneId oddOffset = ZoneId.of("+00:07:30");
		assertThat(MetricService.slotSeconds(MetricPeriod.WEEK, oddOffset,
				MetricPeriod.WEEK.firstBucket(NOW, oddOffset), NOW))
			.isEqualTo(450);
		// Amsterdam's time until 1937
		ZoneId meanTime = ZoneId.of("+00:19:32");
		assertThat(MetricService.slotSeconds(MetricPeriod.MONTH, meanTime,
				MetricPeriod.MONTH.firstBucket(NOW, meanTime), NOW))
			.isEqualTo(4);
	}

	/**
	 * Summing slots gives the chart that summing every point gives, across a change of
	 * offset (the end of summer time in Berlin) and with points off the half minute.
	 */
	@Test
	void theChartOfSlotsIsTheChartOfEveryPoint() {
		Instant now = Instant.parse("2026-10-31T10:20:00Z");
		ZoneId berlin = ZoneId.of("Europe/Berlin");
		Map<Instant, Point> points = new HashMap<>();
		for (int i = 0; i < 5_000; i++) {
			points.put(Instant.parse("2026-09-29T20:00:00Z").plusSeconds(i * 631L + i % 3),
					point(i % 50 + "." + i % 1000, 1 + i % 4));
		}
		points(points);
		for (int calcType = 0; calcType <= 1; calcType++) {
			metric(calcType, 3);
			for (MetricPeriod period : MetricPeriod.values()) {
				assertThat(service(now).chart(1, period, berlin).buckets()).as("%s, calc type %d", period, calcType)
					.containsExactlyElementsOf(everyPoint(points, period, berlin, now, calcType, 3));
			}
		}
	}

	@Test
	void daysAreThoseOfThePageTimeZone() {
		metric(0, 0);
		Instant now = Instant.parse("2026-12-01T23:30:00Z");
		points(Map.of(Instant.parse("2026-12-01T23:10:00Z"), point("1", 1), Instant.parse("2026-12-01T22:50:00Z"),
				point("2", 1)));

		MetricChart chart = service(now).chart(1, MetricPeriod.WEEK, ZoneId.of("Europe/Berlin"));

		assertThat(chart.buckets()).hasSize(7);
		assertThat(chart.buckets().get(6).key()).isEqualTo("2026-12-02 00:00");
		assertThat(chart.buckets().get(6).value()).isEqualTo(new BigDecimal("1"));
		assertThat(chart.buckets().get(5).value()).isEqualTo(new BigDecimal("2"));
	}

	@Test
	void aMonthHasABucketPerDayOfTheCurrentMonth() {
		metric(0, 0);
		points(Map.of());

		assertThat(
				service(Instant.parse("2026-02-10T12:00:00Z")).chart(1, MetricPeriod.MONTH, ZoneId.of("UTC")).buckets())
			.hasSize(28);
		assertThat(service(NOW).chart(1, MetricPeriod.MONTH, ZoneId.of("UTC")).buckets()).hasSize(31);
	}

	@Test
	void anEqualValueWithinTheThresholdRaisesTheCounterOfTheEarlierPoint() {
		metric(0, 2);
		MetricPointView earlier = new MetricPointView(9, 1, new BigDecimal("2.000"), 1, NOW, NOW);
		given(this.repository.findMergeable(1, new BigDecimal("2.000"), Instant.parse("2026-12-01T10:03:00Z"),
				Instant.parse("2026-12-01T10:08:00Z")))
			.willReturn(Optional.of(earlier));
		given(this.repository.findPoint(1, 9)).willReturn(Optional.of(earlier));

		service(NOW).addPoint(1, new BigDecimal("2"), Instant.parse("2026-12-01T10:07:10Z"));

		then(this.repository).should().incrementCounter(eq(9L), any());
		then(this.repository).should(never()).insertPoint(anyLong(), any(), any(), any());
	}

	@Test
	void otherwiseANewPointIsRecordedAtTheNearestHalfMinute() {
		metric(0, 2);
		given(this.repository.findMergeable(anyLong(), any(), any(), any())).willReturn(Optional.empty());
		given(this.repository.insertPoint(anyLong(), any(), any(), any())).willReturn(10L);
		given(this.repository.findPoint(1, 10))
			.willReturn(Optional.of(new MetricPointView(10, 1, new BigDecimal("2.000"), 1, NOW, NOW)));

		service(NOW).addPoint(1, new BigDecimal("2.0004"), Instant.parse("2026-12-01T10:07:15Z"));

		then(this.repository).should()
			.insertPoint(eq(1L), eq(new BigDecimal("2.000")), eq(Instant.parse("2026-12-01T10:07:30Z")), any());
		assertThat(MetricService.roundTo30Seconds(Instant.parse("2026-12-01T10:07:14Z")))
			.isEqualTo(Instant.parse("2026-12-01T10:07:00Z"));
	}

	@Test
	void refusesAThresholdThatDoesNotDivideAnHourAndHugeValues() {
		SaveMetric sevenMinutes = new SaveMetric("Latency", "ms", null, BigDecimal.ZERO, null, null, null, null, 7,
				null, null);
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> service(NOW).createMetric(sevenMinutes))
			.withMessage("The threshold must divide 60.");
		SaveMetric huge = new SaveMetric("Latency", "ms", null, new BigDecimal("1E+7"), null, null, null, null, null,
				null, null);
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> service(NOW).createMetric(huge))
			.withMessage("The default value must be less than 10000000.");
		metric(0, 2);
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> service(NOW).addPoint(1, new BigDecimal("1E+999999999"), null))
			.withMessage("The value must be less than 1000000000000.");
		then(this.repository).should(never()).insert(any());
	}

	private void metric(int calcType, int places) {
		given(this.repository.findById(1)).willReturn(Optional.of(new MetricView(1, "Latency", "ms", null,
				new BigDecimal("5"), calcType, true, places, 1, 5, 0, 1, NOW, NOW)));
	}

	/**
	 * Answers the slot queries from these points: in the window, summed per slot of the
	 * asked length counted from the epoch.
	 */
	private void points(Map<Instant, Point> points) {
		willAnswer((call) -> {
			Instant from = call.getArgument(1);
			Instant to = call.getArgument(2);
			int seconds = call.getArgument(3);
			Map<Instant, PointSlot> slots = new HashMap<>();
			points.forEach((at, point) -> {
				if (!at.isBefore(from) && at.isBefore(to)) {
					Instant start = Instant.ofEpochSecond(Math.floorDiv(at.getEpochSecond(), seconds) * seconds);
					PointSlot one = new PointSlot(start, point.value().multiply(BigDecimal.valueOf(point.counter())),
							point.value(), 1);
					slots.merge(start, one, (a, b) -> new PointSlot(start, a.weightedSum().add(b.weightedSum()),
							a.valueSum().add(b.valueSum()), a.points() + b.points()));
				}
			});
			return List.copyOf(slots.values());
		}).given(this.queries).slots(anyLong(), any(), any(), anyInt());
	}

	/**
	 * The chart as it was computed before the slots: every point of the window put in its
	 * bucket of the zone.
	 */
	private static List<MetricChart.Bucket> everyPoint(Map<Instant, Point> points, MetricPeriod period, ZoneId zone,
			Instant now, int calcType, int places) {
		ZonedDateTime first = period.firstBucket(now, zone);
		int count = period.buckets(now.atZone(zone));
		Instant end = first.plus(count, period.unit()).toInstant().plusSeconds(30);
		BigDecimal[] sums = new BigDecimal[count];
		long[] weights = new long[count];
		points.forEach((at, point) -> {
			if (!at.isBefore(first.toInstant()) && at.isBefore(end)) {
				int index = Math.min(count - 1, (int) period.unit().between(first, period.bucketOf(at, zone)));
				BigDecimal contribution = (calcType == 0) ? point.value().multiply(BigDecimal.valueOf(point.counter()))
						: point.value();
				sums[index] = (sums[index] != null) ? sums[index].add(contribution) : contribution;
				weights[index] += 1;
			}
		});
		List<MetricChart.Bucket> buckets = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			LocalDateTime start = first.plus(i, period.unit()).toLocalDateTime();
			BigDecimal value = (sums[i] == null) ? new BigDecimal("5") : (calcType == 0) ? sums[i]
					: sums[i].divide(BigDecimal.valueOf(weights[i]), 8, RoundingMode.HALF_UP);
			buckets.add(new MetricChart.Bucket(start, MetricPeriod.key(start),
					value.setScale(places, RoundingMode.HALF_UP), sums[i] != null));
		}
		return buckets;
	}

	private static Point point(String value, int counter) {
		return new Point(new BigDecimal(value), counter);
	}

	record Point(BigDecimal value, int counter) {

	}

}
