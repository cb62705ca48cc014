package io.cachet.metric.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cachet.metric.MetricPointView;
import io.cachet.metric.MetricView;
import io.cachet.shared.ListQuery;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metric point queries the chart and the merging of points rely on (half-open time
 * windows, exact decimals, the stored point count), run on each database by
 * {@link MetricRepositoryTests} (H2), {@link MetricRepositoryPostgresTests} and
 * {@link MetricRepositoryMariaDbTests}.
 */
abstract class MetricRepositoryContractTests {

	static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

	@Autowired
	MetricRepository metrics;

	@Autowired
	JdbcClient jdbc;

	long metric;

	@BeforeEach
	void oneMetric() {
		this.jdbc.sql("DELETE FROM metrics").update();
		this.metric = this.metrics.insert(
				new MetricView(0, "Latency", "ms", null, new BigDecimal("1.500"), 0, true, 2, 1, 5, 0, 1, NOW, NOW));
	}

	@Test
	void pointsBetweenAreHalfOpenAndKeepTheirDecimalsAndCounters() {
		this.metrics.insertPoint(this.metric, new BigDecimal("0.125"), NOW.minusSeconds(30), NOW);
		this.metrics.insertPoint(this.metric, new BigDecimal("12345.678"), NOW, NOW);
		long counted = this.metrics.insertPoint(this.metric, new BigDecimal("2.000"), NOW.plusSeconds(3570), NOW);
		this.metrics.incrementCounter(counted, NOW);
		this.metrics.insertPoint(this.metric, new BigDecimal("9.000"), NOW.plusSeconds(3600), NOW);

		List<String> seen = new ArrayList<>();
		this.metrics.forEachPointBetween(this.metric, NOW, NOW.plusSeconds(3600),
				(at, value, counter) -> seen.add(at + " " + value.toPlainString() + " x" + counter));

		assertThat(seen).containsExactlyInAnyOrder("2026-12-01T10:00:00Z 12345.678 x1",
				"2026-12-01T10:59:30Z 2.000 x2");
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

		var page = this.metrics.pagePoints(this.metric, new ListQuery(Map.of(), null, false, 1, 10));
		assertThat(page.total()).isEqualTo(1);
		assertThat(page.items()).extracting(MetricPointView::value).containsExactly(new BigDecimal("2.000"));
	}

	@Test
	void pointsAreListedLatestFirst() {
		long older = this.metrics.insertPoint(this.metric, new BigDecimal("1.000"), NOW, NOW);
		long newer = this.metrics.insertPoint(this.metric, new BigDecimal("2.000"), NOW.plusSeconds(30), NOW);

		assertThat(this.metrics.pagePoints(this.metric, new ListQuery(Map.of(), null, false, 1, 10)).items())
			.extracting(MetricPointView::id)
			.containsExactly(newer, older);
		assertThat(this.metrics.findById(this.metric).orElseThrow().defaultValue()).isEqualTo(new BigDecimal("1.500"));
	}

}
