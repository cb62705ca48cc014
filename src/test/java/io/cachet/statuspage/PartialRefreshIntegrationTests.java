package io.cachet.statuspage;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cachet.StatusPageTest;
import io.cachet.component.ComponentService;
import io.cachet.component.ComponentStatus;
import io.cachet.component.StatusChangeSource;
import io.cachet.component.UpdateComponentGroup;
import io.cachet.incident.IncidentService;
import io.cachet.incident.IncidentStatus;
import io.cachet.metric.MetricChart;
import io.cachet.metric.MetricPeriod;
import io.cachet.metric.MetricService;
import io.cachet.metric.SaveMetric;
import io.cachet.schedule.SaveSchedule;
import io.cachet.schedule.ScheduleService;
import io.cachet.schedule.ScheduleStatus;
import io.cachet.statuspage.StatusPageSnapshot.ComponentEntry;
import io.cachet.statuspage.StatusPageSnapshot.GroupSection;
import io.cachet.statuspage.StatusPageSnapshot.MetricEntry;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After each kind of change, the snapshot assembled from the parts the change read again
 * (and the parts kept) is the one a full read gives.
 */
@StatusPageTest
class PartialRefreshIntegrationTests {

	@Autowired
	ComponentService components;

	@Autowired
	IncidentService incidents;

	@Autowired
	ScheduleService schedules;

	@Autowired
	MetricService metrics;

	@Autowired
	StatusPageRefresher refresher;

	@Autowired
	StatusPageReader reader;

	@Autowired
	StatusPageCache cache;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	private StatusPageFixtures fixtures;

	@BeforeEach
	void setUp() {
		this.fixtures = new StatusPageFixtures(0, this.components, this.incidents);
		StatusPageFixtures.clear(this.jdbc);
		this.refresher.rebuild();
	}

	@Test
	void eachChangeGivesTheSnapshotOfAFullRead() {
		long group = this.fixtures.group("Platform", 2, 1);
		assertPartialEqualsFull();
		long api = this.fixtures.component("API", ComponentStatus.OPERATIONAL, group);
		long web = this.fixtures.component("Web", ComponentStatus.OPERATIONAL, group);
		this.fixtures.component("Mail", ComponentStatus.OPERATIONAL, 0);
		assertPartialEqualsFull();
		this.components.changeStatus(api, ComponentStatus.MAJOR_OUTAGE, false, StatusChangeSource.MANUAL);
		assertPartialEqualsFull();
		this.components.updateGroup(group, new UpdateComponentGroup("Core", null, null, null));
		assertPartialEqualsFull();
		long incident = this.fixtures.incident("Slow API", IncidentStatus.INVESTIGATING, true, null);
		assertPartialEqualsFull();
		this.incidents.reportUpdate(incident, IncidentStatus.IDENTIFIED, "Found it.", null);
		assertPartialEqualsFull();
		this.schedules.createSchedule(new SaveSchedule("DB upgrade", "Now", ScheduleStatus.IN_PROGRESS,
				this.clock.instant().minus(5, ChronoUnit.MINUTES), null, Map.of(web, 0)));
		assertPartialEqualsFull();
		long metric = this.metrics
			.createMetric(new SaveMetric("Latency", "ms", null, BigDecimal.ZERO, 0, true, 0, 0, null, null, 1))
			.id();
		assertPartialEqualsFull();
		this.metrics.addPoint(metric, BigDecimal.TEN, null);
		assertPartialEqualsFull();
		this.components.deleteComponent(web);
		assertPartialEqualsFull();
	}

	private void assertPartialEqualsFull() {
		// the changes' commits asked for a refresh; it runs here rather than in the
		// background
		this.refresher.refresh(StatusPageChanges.NONE);
		StatusPageSnapshot partial = this.cache.current().orElseThrow().snapshot();
		assertThat(comparable(partial)).isEqualTo(comparable(this.reader.read()));
	}

	/**
	 * Without what the time of the read changes: when it was read, the seconds of today
	 * counted in each uptime bar (a bar is compared by its days' worst statuses) and the
	 * empty buckets of a chart (its window moves with the minute).
	 */
	private static StatusPageSnapshot comparable(StatusPageSnapshot snapshot) {
		List<GroupSection> groups = snapshot.groups()
			.stream()
			.map((section) -> new GroupSection(section.group(),
					section.components().stream().map(PartialRefreshIntegrationTests::comparable).toList(),
					section.worst(), section.open()))
			.toList();
		return new StatusPageSnapshot(Instant.EPOCH, snapshot.settings(), snapshot.status(), groups,
				snapshot.ungrouped().stream().map(PartialRefreshIntegrationTests::comparable).toList(),
				snapshot.stickied(), snapshot.maintenance(),
				snapshot.metrics().stream().map(PartialRefreshIntegrationTests::comparable).toList(),
				snapshot.timeline(), snapshot.recentIncidents(), snapshot.unresolvedIncidents(),
				snapshot.recentSchedules(), snapshot.componentNames());
	}

	private static MetricEntry comparable(MetricEntry entry) {
		Map<MetricPeriod, MetricChart> charts = new EnumMap<>(MetricPeriod.class);
		entry.charts()
			.forEach((period, chart) -> charts.put(period, new MetricChart(chart.metric(), period,
					chart.buckets().stream().filter(MetricChart.Bucket::hasPoints).toList())));
		return new MetricEntry(entry.metric(), charts);
	}

	private static ComponentEntry comparable(ComponentEntry entry) {
		var uptime = entry.uptime();
		return new ComponentEntry(entry.component(), entry.underMaintenance(),
				(uptime == null) ? null
						: new io.cachet.component.ComponentUptime(uptime.componentId(), uptime.days()
							.stream()
							.map((day) -> new io.cachet.component.DailyUptime(day.date(), null, day.worst(), 0, 0, 0))
							.toList(), null));
	}

}
