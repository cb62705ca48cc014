package io.cachet.statuspage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.cachet.component.OverallStatus;
import io.cachet.component.ComponentGroupView;
import io.cachet.component.ComponentStatus;
import io.cachet.component.ComponentUptime;
import io.cachet.component.ComponentView;
import io.cachet.incident.IncidentView;
import io.cachet.metric.MetricChart;
import io.cachet.metric.MetricPeriod;
import io.cachet.metric.MetricView;
import io.cachet.schedule.ScheduleView;

/**
 * Everything a guest may see on the public page, read from the database in one go: the
 * page, the feeds, the badges and the Statuspage JSON are all rendered from it, so that
 * serving them needs no database.
 *
 * @param builtAt when it was read
 * @param status the banner
 * @param groups public groups with at least one enabled component, in order
 * @param ungrouped enabled components outside any group
 * @param stickied stickied visible incidents, latest first
 * @param maintenance maintenance upcoming or in progress, soonest first
 * @param metrics public metrics with a chart, in order
 * @param timeline the first page of the incident timeline
 * @param recentIncidents the 50 latest visible incidents (feeds, v2 JSON)
 * @param unresolvedIncidents visible incidents not fixed yet
 * @param recentSchedules the 50 latest maintenance windows, any status
 */
record StatusPageSnapshot(Instant builtAt, PageSettings settings, OverallStatus status, List<GroupSection> groups,
		List<ComponentEntry> ungrouped, List<IncidentView> stickied, List<MaintenanceEntry> maintenance,
		List<MetricEntry> metrics, Timeline timeline, List<IncidentView> recentIncidents,
		List<IncidentView> unresolvedIncidents, List<MaintenanceEntry> recentSchedules,
		Map<Long, String> componentNames) {

	/**
	 * @return every component shown on the page, grouped ones first
	 */
	public List<ComponentEntry> allComponents() {
		return java.util.stream.Stream
			.concat(this.groups.stream().flatMap((group) -> group.components().stream()), this.ungrouped.stream())
			.toList();
	}

	public Optional<ComponentEntry> component(long id) {
		return allComponents().stream().filter((entry) -> entry.component().id() == id).findFirst();
	}

	public Optional<IncidentView> incident(long id) {
		return java.util.stream.Stream
			.of(this.recentIncidents, this.unresolvedIncidents, this.stickied,
					this.timeline.days().stream().flatMap((day) -> day.incidents().stream()).toList())
			.flatMap(List::stream)
			.filter((incident) -> incident.id() == id)
			.findFirst();
	}

	public Optional<MaintenanceEntry> schedule(long id) {
		return java.util.stream.Stream.concat(this.maintenance.stream(), this.recentSchedules.stream())
			.filter((entry) -> entry.schedule().id() == id)
			.findFirst();
	}

	public Optional<MetricEntry> metric(long id) {
		return this.metrics.stream().filter((entry) -> entry.metric().id() == id).findFirst();
	}

	/**
	 * A component as the page shows it.
	 *
	 * @param underMaintenance a maintenance affecting it is in progress (shown instead of
	 * its status, which is kept)
	 * @param uptime its last 90 days, or {@code null} without history
	 */
	public record ComponentEntry(ComponentView component, boolean underMaintenance, @Nullable ComponentUptime uptime) {

		/**
		 * @return the CSS/i18n key of what the page shows: a status code or
		 * {@code maintenance}
		 */
		public String displayKey() {
			return this.underMaintenance ? "maintenance" : String.valueOf(this.component.status().code());
		}

	}

	/**
	 * A public group with its enabled components.
	 *
	 * @param worst the worst status among its components
	 * @param open whether the group is shown expanded (Cachet's collapse rules)
	 */
	public record GroupSection(ComponentGroupView group, List<ComponentEntry> components, ComponentStatus worst,
			boolean open) {
	}

	/**
	 * @param inProgress it has started and is not completed
	 * @param componentNames the names of the components it affects
	 */
	public record MaintenanceEntry(ScheduleView schedule, boolean inProgress, List<String> componentNames) {
	}

	/**
	 * A metric with its chart in each of the four views.
	 */
	public record MetricEntry(MetricView metric, Map<MetricPeriod, MetricChart> charts) {

		public MetricPeriod defaultPeriod() {
			return MetricPeriod.ofDefaultView(this.metric.defaultView());
		}

	}

	/**
	 * One page of the incident timeline.
	 *
	 * @param previous the {@code start_date} (or page number) of older days, or
	 * {@code null}
	 * @param next the {@code start_date} (or page number) of newer days, or {@code null}
	 */
	public record Timeline(List<TimelineDay> days, @Nullable String previous, @Nullable String next) {
	}

	public record TimelineDay(LocalDate date, List<IncidentView> incidents) {
	}

}
