package io.cachet.statuspage;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.cachet.component.ComponentGroupView;
import io.cachet.component.ComponentUptime;
import io.cachet.component.ComponentView;
import io.cachet.incident.IncidentView;
import io.cachet.metric.MetricChart;
import io.cachet.metric.MetricPeriod;
import io.cachet.metric.MetricView;
import io.cachet.schedule.ScheduleView;
import io.cachet.statuspage.StatusPageSnapshot.Timeline;

/**
 * What a {@link StatusPageSnapshot} is assembled from, in parts that are read on their
 * own: a change re-reads only the parts it touches ({@link Part}) and keeps the others,
 * so the cost of a change does not grow with the history the other parts hold (90 days of
 * uptime for every component, the metric charts).
 *
 * @param uptime each component's last 90 days, by component id
 * @param charts each shown metric's chart per view, by metric id
 */
record StatusPageParts(PageSettings settings, Components components, Map<Long, ComponentUptime> uptime,
		Incidents incidents, Schedules schedules, List<MetricView> metrics,
		Map<Long, Map<MetricPeriod, MetricChart>> charts) {

	/**
	 * The parts, each read by its own {@link StatusPageReader} method.
	 */
	enum Part {

		SETTINGS, COMPONENTS, UPTIME, INCIDENTS, SCHEDULES, METRICS;

		static Set<Part> all() {
			return EnumSet.allOf(Part.class);
		}

	}

	/**
	 * @param visible the components a guest may see, any order
	 * @param groups the public groups, any order
	 * @param enabledNames the names of all enabled components, hidden ones too (the
	 * maintenance windows name them)
	 */
	record Components(List<ComponentView> visible, List<ComponentGroupView> groups, Map<Long, String> enabledNames) {
	}

	/**
	 * @param unresolved visible incidents not fixed yet
	 * @param recent the latest visible incidents
	 * @param stickied the latest stickied visible incidents
	 * @param timeline the first page of the timeline
	 */
	record Incidents(List<IncidentView> unresolved, List<IncidentView> recent, List<IncidentView> stickied,
			Timeline timeline) {
	}

	/**
	 * @param underMaintenance the components a maintenance in progress affects
	 * @param uncompleted maintenance upcoming or in progress
	 * @param recent the latest maintenance windows, any status
	 */
	record Schedules(Set<Long> underMaintenance, List<ScheduleView> uncompleted, List<ScheduleView> recent) {
	}

	StatusPageParts withSettings(PageSettings settings) {
		return new StatusPageParts(settings, this.components, this.uptime, this.incidents, this.schedules, this.metrics,
				this.charts);
	}

	StatusPageParts withComponents(Components components) {
		return new StatusPageParts(this.settings, components, this.uptime, this.incidents, this.schedules, this.metrics,
				this.charts);
	}

	StatusPageParts withUptime(Map<Long, ComponentUptime> uptime) {
		return new StatusPageParts(this.settings, this.components, Map.copyOf(uptime), this.incidents, this.schedules,
				this.metrics, this.charts);
	}

	/**
	 * @param componentUptime one component's uptime, or {@code null} when it is gone
	 */
	StatusPageParts withUptimeOf(long componentId, @Nullable ComponentUptime componentUptime) {
		Map<Long, ComponentUptime> next = new HashMap<>(this.uptime);
		if (componentUptime == null) {
			next.remove(componentId);
		}
		else {
			next.put(componentId, componentUptime);
		}
		return withUptime(next);
	}

	StatusPageParts withIncidents(Incidents incidents) {
		return new StatusPageParts(this.settings, this.components, this.uptime, incidents, this.schedules, this.metrics,
				this.charts);
	}

	StatusPageParts withSchedules(Schedules schedules) {
		return new StatusPageParts(this.settings, this.components, this.uptime, this.incidents, schedules, this.metrics,
				this.charts);
	}

	/**
	 * @param charts the charts read again; the others are kept while their metric is
	 * still shown
	 */
	StatusPageParts withMetrics(List<MetricView> metrics, Map<Long, Map<MetricPeriod, MetricChart>> charts) {
		Map<Long, Map<MetricPeriod, MetricChart>> next = new HashMap<>();
		for (MetricView metric : metrics) {
			Map<MetricPeriod, MetricChart> chart = charts.containsKey(metric.id()) ? charts.get(metric.id())
					: this.charts.get(metric.id());
			if (chart != null) {
				next.put(metric.id(), chart);
			}
		}
		return new StatusPageParts(this.settings, this.components, this.uptime, this.incidents, this.schedules,
				List.copyOf(new ArrayList<>(metrics)), Map.copyOf(next));
	}

	/**
	 * @return these parts (read in full in the background) with what changed while they
	 * were read taken from {@code current}, which has it or will have it read again
	 */
	StatusPageParts keeping(StatusPageParts current, StatusPageChanges touched) {
		Map<Long, ComponentUptime> uptime = new HashMap<>(touched.touches(Part.UPTIME) ? current.uptime : this.uptime);
		for (long id : touched.uptimeOf()) {
			uptime.remove(id);
			if (current.uptime.containsKey(id)) {
				uptime.put(id, current.uptime.get(id));
			}
		}
		boolean currentMetrics = touched.touches(Part.METRICS) || touched.allCharts();
		Map<Long, Map<MetricPeriod, MetricChart>> charts = new HashMap<>(currentMetrics ? current.charts : this.charts);
		for (long id : touched.chartsOf()) {
			charts.remove(id);
			if (current.charts.containsKey(id)) {
				charts.put(id, current.charts.get(id));
			}
		}
		return new StatusPageParts(this.settings,
				touched.touches(Part.COMPONENTS) ? current.components : this.components, Map.copyOf(uptime),
				touched.touches(Part.INCIDENTS) ? current.incidents : this.incidents,
				touched.touches(Part.SCHEDULES) ? current.schedules : this.schedules,
				touched.touches(Part.METRICS) ? current.metrics : this.metrics, Map.copyOf(charts));
	}

}
