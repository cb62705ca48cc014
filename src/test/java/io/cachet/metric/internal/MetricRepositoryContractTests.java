package io.cachet.metric.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cachet.metric.MetricPointView;
import io.cachet.metric.MetricView;
import io.cachet.metric.internal.MetricPointQueries.PointSlot;
import io.cachet.shared.ListQuery;
import io.cachet.shared.PageResult;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metric point queries the chart, the points list and the merging of points rely on
 * (slots summed by the database over half-open time windows, exact decimals, deep pages
 * in the list's order, the stored point count), run on each database by
 * {@link MetricRepositoryTests} (H2), {@link MetricRepositoryPostgresTests} and
 * {@link MetricRepositoryMariaDbTests}.
 */
abstract class MetricRepositoryContractTests {

	static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

	@Autowired
	MetricRepository metrics;

	@Autowired
	MetricPointQueries points;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcTemplate jdbcTemplate;

	long metric;

	@BeforeEach
	void oneMetric() {
		this.jdbc.sql("DELETE FROM metrics").update();
		this.metric = this.metrics.insert(
				new MetricView(0, "Latency", "ms", null, new BigDecimal("1.500"), 0, true, 2, 1, 5, 0, 1, NOW, NOW));
	}

	@Test
	void slotsAreHalfOpenAndKeepTheirDecimalsAndCounters() {
		this.metrics.insertPoint(this.metric, new BigDecimal("0.125"), NOW.minusSeconds(30), NOW);
		this.metrics.insertPoint(this.metric, new BigDecimal("12345.678"), NOW, NOW);
		this.metrics.insertPoint(this.metric, new BigDecimal("0.001"), NOW.plusSeconds(59), NOW);
		long counted = this.metrics.insertPoint(this.metric, new BigDecimal("2.000"), NOW.plusSeconds(3570), NOW);
		this.metrics.incrementCounter(counted, NOW);
		this.metrics.insertPoint(this.metric, new BigDecimal("9.000"), NOW.plusSeconds(3600), NOW);

		List<String> seen = this.points.slots(this.metric, NOW, NOW.plusSeconds(3600), 60)
			.stream()
			.map((slot) -> slot.start() + " " + slot.weightedSum().toPlainString() + " "
					+ slot.valueSum().toPlainString() + " x" + slot.points())
			.toList();

		assertThat(seen).containsExactlyInAnyOrder("2026-12-01T10:00:00Z 12345.679 12345.679 x2",
				"2026-12-01T10:59:00Z 4.000 2.000 x1");
	}

	/**
	 * The bounded chart query (issue 16): a month of 20,000 points comes back as at most
	 * one row per quarter hour, with the sums a plain computation over the points gives.
	 */
	@Test
	void aMonthOfPointsComesBackAsAtMostOneRowPerSlotWithTheirExactSums() {
		Instant from = Instant.parse("2026-11-01T00:00:00Z");
		Instant to = Instant.parse("2026-12-01T00:00:30Z");
		List<Object[]> rows = new ArrayList<>();
		Map<Instant, BigDecimal[]> expected = new TreeMap<>();
		Map<Instant, Long> expectedPoints = new HashMap<>();
		for (int i = 0; i < 20_000; i++) {
			// Spread over the month and 15 minutes beyond each end; some off the half
			// minute.
			Instant at = from.minusSeconds(900).plusSeconds(i * 133L + (i % 7) * 11L);
			BigDecimal value = new BigDecimal(i % 997).add(new BigDecimal("0.001").multiply(new BigDecimal(i % 13)));
			int counter = 1 + i % 5;
			rows.add(new Object[] { this.metric, value, counter, Timestamp.from(at), Timestamp.from(NOW) });
			if (!at.isBefore(from) && at.isBefore(to)) {
				Instant slot = Instant.ofEpochSecond(Math.floorDiv(at.getEpochSecond(), 900) * 900);
				BigDecimal[] sums = expected.computeIfAbsent(slot,
						(key) -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO });
				sums[0] = sums[0].add(value.multiply(BigDecimal.valueOf(counter)));
				sums[1] = sums[1].add(value);
				expectedPoints.merge(slot, 1L, Long::sum);
			}
		}
		this.jdbcTemplate.batchUpdate(
				"INSERT INTO metric_points (metric_id, point_value, counter, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
				rows);

		List<PointSlot> slots = this.points.slots(this.metric, from, to, 900);

		assertThat(slots).hasSizeLessThanOrEqualTo(30 * 96 + 1).hasSize(expected.size());
		for (PointSlot slot : slots) {
			BigDecimal[] sums = expected.get(slot.start());
			assertThat(sums).as("slot %s", slot.start()).isNotNull();
			assertThat(slot.weightedSum()).as("sum of value x counter at %s", slot.start())
				.isEqualByComparingTo(sums[0]);
			assertThat(slot.valueSum()).as("sum of values at %s", slot.start()).isEqualByComparingTo(sums[1]);
			assertThat(slot.points()).as("points at %s", slot.start()).isEqualTo(expectedPoints.get(slot.start()));
		}
	}

	@Test
	void everyPageHoldsThePointsOfTheListOrderCountedFromEitherEnd() {
		List<MetricPointView> all = new ArrayList<>();
		for (int i = 0; i < 53; i++) {
			// Pairs of points at the same time: the id breaks the tie.
			long id = this.metrics.insertPoint(this.metric, new BigDecimal(i % 4), NOW.plusSeconds(30L * (i / 2)), NOW);
			all.add(this.metrics.findPoint(this.metric, id).orElseThrow());
		}
		Comparator<MetricPointView> natural = Comparator.comparing(MetricPointView::createdAt)
			.thenComparing(MetricPointView::id)
			.reversed();
		assertPages(null, false, all.stream().sorted(natural).toList());
		assertPages("value", false,
				all.stream().sorted(Comparator.comparing(MetricPointView::value).thenComparing(natural)).toList());
		assertPages("value", true,
				all.stream()
					.sorted(Comparator.comparing(MetricPointView::value).reversed().thenComparing(natural))
					.toList());
		assertThat(this.points.page(this.metric, new ListQuery(Map.of(), null, false, 9, 7), 53).items()).isEmpty();
		assertThat(this.points.page(this.metric, ListQuery.all(), 53).items())
			.containsExactlyElementsOf(all.stream().sorted(natural).toList());
	}

	private void assertPages(String sort, boolean descending, List<MetricPointView> expected) {
		for (int page = 1; page <= 8; page++) {
			PageResult<MetricPointView> result = this.points.page(this.metric,
					new ListQuery(Map.of(), sort, descending, page, 7), this.metrics.pointCount(this.metric));
			assertThat(result.total()).isEqualTo(53);
			assertThat(result.items()).as("page %d by %s", page, sort)
				.containsExactlyElementsOf(expected.subList((page - 1) * 7, Math.min(53, page * 7)));
		}
	}

	@Test
	void theMergeablePointIsTheEarliestOfTheSameValueInTheWindow() {
		this.metrics.insertPoint(this.metric, new BigDecimal("2.000"), NOW.minusSeconds(60), NOW);
		long first = this.metrics.insertPoint(this.metric, new BigDecimal("2.000"), NOW.plusSeconds(60), NOW);
		this.metrics.insertPoint(this.metric, new BigDecimal("2.000"), NOW.plusSeconds(120), NOW);
		this.metrics.insertPoint(this.metric, new BigDecimal("3.000"), NOW, NOW);

		assertThat(this.metrics.findMergeable(this.metric, new BigDecimal("2.000"), NOW, NOW.plusSeconds(300)))
			.map(MetricPointView::id)
			.hasValue(first);
		assertThat(this.metrics.findMergeable(this.metric, new BigDecimal("2.000"), NOW.plusSeconds(180),
				NOW.plusSeconds(300)))
			.isEmpty();
	}

	@Test
	void thePointCountFollowsInsertsAndDeletes() {
		long first = this.metrics.insertPoint(this.metric, new BigDecimal("1.000"), NOW, NOW);
		this.metrics.insertPoint(this.metric, new BigDecimal("2.000"), NOW.plusSeconds(30), NOW);

		this.metrics.deletePoint(this.metric, first);
		this.metrics.deletePoint(this.metric, first);

		var page = this.points.page(this.metric, new ListQuery(Map.of(), null, false, 1, 10),
				this.metrics.pointCount(this.metric));
		assertThat(page.total()).isEqualTo(1);
		assertThat(page.items()).extracting(MetricPointView::value).containsExactly(new BigDecimal("2.000"));
	}

	@Test
	void pointsAreListedLatestFirst() {
		long older = this.metrics.insertPoint(this.metric, new BigDecimal("1.000"), NOW, NOW);
		long newer = this.metrics.insertPoint(this.metric, new BigDecimal("2.000"), NOW.plusSeconds(30), NOW);

		assertThat(this.points.page(this.metric, new ListQuery(Map.of(), null, false, 1, 10), 2).items())
			.extracting(MetricPointView::id)
			.containsExactly(newer, older);
		assertThat(this.metrics.findById(this.metric).orElseThrow().defaultValue()).isEqualTo(new BigDecimal("1.500"));
	}

}
