package io.cachet.metric;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.cachet.metric.internal.MetricRepository;
import io.cachet.metric.internal.MetricRepository.PointConsumer;
import io.cachet.shared.InvalidInputException;

import org.springframework.context.ApplicationEventPublisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

/**
 * The metric rules without a database: charts (buckets, sum or average, default value,
 * places, time zone) and the merging of equal points within the threshold.
 */
class MetricServiceTests {

	static final Instant NOW = Instant.parse("2026-12-01T10:20:00Z");

	final MetricRepository repository = mock(MetricRepository.class);

	MetricService service(Instant now) {
		return new MetricService(this.repository, mock(ApplicationEventPublisher.class),
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
		then(this.repository).should()
			.forEachPointBetween(eq(1L), eq(Instant.parse("2026-12-01T09:20:00Z")),
					eq(Instant.parse("2026-12-01T10:21:30Z")), any());
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

	private void points(Map<Instant, Point> points) {
		willAnswer((call) -> {
			PointConsumer consumer = call.getArgument(3);
			points.forEach((at, point) -> consumer.accept(at, point.value(), point.counter()));
			return null;
		}).given(this.repository).forEachPointBetween(anyLong(), any(), any(), any());
	}

	private static Point point(String value, int counter) {
		return new Point(new BigDecimal(value), counter);
	}

	record Point(BigDecimal value, int counter) {

	}

}
