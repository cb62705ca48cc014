package io.cachet.statuspage;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cachet.metric.MetricView;
import io.cachet.settings.SiteSettings;
import io.cachet.statuspage.StatusPageParts.Part;
import io.cachet.statuspage.StatusPageSnapshot.Timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;

/**
 * A change reads again only the parts of the page it touches; the reader's other parts
 * are not called.
 */
class StatusPageRereadsTests {

	private static final PageSettings PAGE = PageSettings.from(SiteSettings.defaults());

	private final StatusPageReader reader = mock(StatusPageReader.class);

	private final StatusPageRereads rereads = new StatusPageRereads(this.reader);

	private StatusPageParts current;

	@BeforeEach
	void setUp() {
		this.current = new StatusPageParts(PAGE, new StatusPageParts.Components(List.of(), List.of(), Map.of()),
				Map.of(),
				new StatusPageParts.Incidents(List.of(), List.of(), List.of(), new Timeline(List.of(), null, null)),
				new StatusPageParts.Schedules(Set.of(), List.of(), List.of()), List.of(metric(1), metric(2)),
				Map.of(1L, Map.of(), 2L, Map.of()));
		given(this.reader.components()).willReturn(this.current.components());
		given(this.reader.incidents(any())).willReturn(this.current.incidents());
		given(this.reader.schedules()).willReturn(this.current.schedules());
		given(this.reader.shownMetrics()).willReturn(this.current.metrics());
		given(this.reader.charts(any(), any())).willReturn(Map.of());
	}

	@Test
	void aComponentReadsTheComponentsAndItsOwnUptimeOnly() {
		this.rereads.apply(this.current, StatusPageChanges.component(7));

		then(this.reader).should().components();
		then(this.reader).should().uptimeOf(7, PAGE);
		then(this.reader).shouldHaveNoMoreInteractions();
	}

	@Test
	void anIncidentReadsTheIncidentsOnly() {
		this.rereads.apply(this.current, StatusPageChanges.of(Part.INCIDENTS));

		then(this.reader).should().incidents(PAGE);
		then(this.reader).shouldHaveNoMoreInteractions();
	}

	@Test
	void aScheduleReadsTheSchedulesOnly() {
		this.rereads.apply(this.current, StatusPageChanges.of(Part.SCHEDULES));

		then(this.reader).should().schedules();
		then(this.reader).shouldHaveNoMoreInteractions();
	}

	@Test
	void aMetricReadsTheListOfMetricsAndItsOwnCharts() {
		this.rereads.apply(this.current, StatusPageChanges.metric(2));

		then(this.reader).should().shownMetrics();
		then(this.reader).should().charts(List.of(metric(2)), PAGE);
		then(this.reader).shouldHaveNoMoreInteractions();
	}

	@Test
	void aMetricPointReadsTheChartsOnly() {
		this.rereads.apply(this.current, StatusPageChanges.metricPoint());

		then(this.reader).should().charts(List.of(metric(1), metric(2)), PAGE);
		then(this.reader).shouldHaveNoMoreInteractions();
	}

	@Test
	void changesTogetherReadTheUnionOfTheirParts() {
		this.rereads.apply(this.current, StatusPageChanges.component(3).and(StatusPageChanges.of(Part.INCIDENTS)));

		then(this.reader).should().components();
		then(this.reader).should().uptimeOf(3, PAGE);
		then(this.reader).should().incidents(PAGE);
		then(this.reader).shouldHaveNoMoreInteractions();
	}

	@Test
	void settingsAndAFirstBuildReadEverything() {
		given(this.reader.readAll()).willReturn(this.current);

		assertThat(this.rereads.apply(this.current, StatusPageChanges.ALL)).isSameAs(this.current);
		assertThat(this.rereads.apply(null, StatusPageChanges.component(1))).isSameAs(this.current);
		then(this.reader).should(org.mockito.Mockito.times(2)).readAll();
		then(this.reader).shouldHaveNoMoreInteractions();
	}

	@Test
	void aComponentThatIsGoneLeavesTheUptime() {
		given(this.reader.uptimeOf(anyLong(), any())).willReturn(null);
		StatusPageParts withUptime = this.current.withUptimeOf(5,
				new io.cachet.component.ComponentUptime(5, List.of(), null));

		assertThat(this.rereads.apply(withUptime, StatusPageChanges.component(5)).uptime()).isEmpty();
	}

	@Test
	void aBackgroundFullReadKeepsWhatChangedWhileItRead() {
		var oldUptime = new io.cachet.component.ComponentUptime(5, List.of(), 0.5);
		var newUptime = new io.cachet.component.ComponentUptime(5, List.of(), 1.0);
		var otherOld = new io.cachet.component.ComponentUptime(6, List.of(), 0.5);
		var otherNew = new io.cachet.component.ComponentUptime(6, List.of(), 0.9);
		StatusPageParts current = this.current.withUptimeOf(5, newUptime).withUptimeOf(6, otherOld);
		StatusPageParts fresh = this.current.withUptimeOf(5, oldUptime)
			.withUptimeOf(6, otherNew)
			.withIncidents(new StatusPageParts.Incidents(List.of(), List.of(), List.of(),
					new Timeline(List.of(), "2026-01-01", null)));

		StatusPageParts merged = fresh.keeping(current, StatusPageChanges.component(5));

		assertThat(merged.uptime()).containsEntry(5L, newUptime).containsEntry(6L, otherNew);
		assertThat(merged.components()).isSameAs(current.components());
		assertThat(merged.incidents()).isSameAs(fresh.incidents());
	}

	private static MetricView metric(long id) {
		return new MetricView(id, "Metric " + id, "ms", null, BigDecimal.ZERO, 0, true, 2, 0, 5, (int) id, 1,
				Instant.EPOCH, Instant.EPOCH);
	}

}
