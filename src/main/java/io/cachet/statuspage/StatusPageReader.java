package io.cachet.statuspage;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.cachet.component.ComponentNotFoundException;
import io.cachet.component.ComponentService;
import io.cachet.component.ComponentUptime;
import io.cachet.component.ComponentUptimeService;
import io.cachet.component.ComponentView;
import io.cachet.incident.IncidentService;
import io.cachet.incident.IncidentView;
import io.cachet.metric.MetricChart;
import io.cachet.metric.MetricPeriod;
import io.cachet.metric.MetricService;
import io.cachet.metric.MetricView;
import io.cachet.schedule.ScheduleService;
import io.cachet.settings.SettingsService;
import io.cachet.shared.ListQuery;
import io.cachet.shared.NotFoundException;
import io.cachet.statuspage.StatusPageSnapshot.MaintenanceEntry;
import io.cachet.statuspage.StatusPageSnapshot.Timeline;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads what a guest may see, part by part ({@link StatusPageParts}): the settings
 * ({@link PageSettings#from}), components, their uptime, incidents and their timeline
 * ({@link IncidentTimelines}), maintenance and metrics. Each part is read in a read-only
 * transaction of its own, so that a change re-reads only what it touches; {@link #read}
 * reads them all in one. This is the only place the public page touches the database; it
 * runs when data changes, not per request.
 */
@Component
class StatusPageReader {

	/** The days of the uptime bar. */
	public static final int UPTIME_DAYS = 90;

	private static final int RECENT = 50;

	private final SettingsService settings;

	private final ComponentService components;

	private final ComponentUptimeService uptime;

	private final IncidentService incidents;

	private final ScheduleService schedules;

	private final MetricService metrics;

	private final IncidentTimelines timelines;

	private final Clock clock;

	StatusPageReader(SettingsService settings, ComponentService components, ComponentUptimeService uptime,
			IncidentService incidents, ScheduleService schedules, MetricService metrics, IncidentTimelines timelines,
			Clock clock) {
		this.settings = settings;
		this.components = components;
		this.uptime = uptime;
		this.incidents = incidents;
		this.schedules = schedules;
		this.metrics = metrics;
		this.timelines = timelines;
		this.clock = clock;
	}

	/**
	 * @return every part, read in one transaction
	 */
	@Transactional(readOnly = true)
	public StatusPageParts readAll() {
		PageSettings page = settings();
		List<MetricView> shown = shownMetrics();
		return new StatusPageParts(page, components(), uptime(page), incidents(page), schedules(), shown,
				Map.copyOf(charts(shown, page)));
	}

	/**
	 * @return the whole snapshot, read now
	 */
	public StatusPageSnapshot read() {
		return StatusPageAssembly.assemble(readAll(), this.clock.instant());
	}

	@Transactional(readOnly = true)
	public PageSettings settings() {
		return PageSettings.from(this.settings.site());
	}

	@Transactional(readOnly = true)
	public StatusPageParts.Components components() {
		List<ComponentView> visible = this.components.findComponents(ListQuery.all(), List.of(), true).items();
		return new StatusPageParts.Components(visible, this.components.findGroups(ListQuery.all(), true).items(),
				enabledComponentNames());
	}

	/**
	 * @return the last {@value #UPTIME_DAYS} days of every component with history
	 */
	@Transactional(readOnly = true)
	public Map<Long, ComponentUptime> uptime(PageSettings page) {
		return this.uptime.lastDays(UPTIME_DAYS, page.timezone());
	}

	/**
	 * @return one component's last {@value #UPTIME_DAYS} days, or {@code null} when it is
	 * gone (no transaction of its own: the service's would be marked for rollback by the
	 * not-found exception)
	 */
	public @Nullable ComponentUptime uptimeOf(long componentId, PageSettings page) {
		try {
			return this.uptime.componentUptime(componentId, UPTIME_DAYS, page.timezone());
		}
		catch (ComponentNotFoundException ex) {
			return null;
		}
	}

	@Transactional(readOnly = true)
	public StatusPageParts.Incidents incidents(PageSettings page) {
		List<IncidentView> unresolved = this.incidents.findUnresolved(true);
		List<IncidentView> recent = this.incidents
			.findIncidents(new ListQuery(Map.of(), "occurred_at", true, 1, RECENT), true)
			.items();
		List<IncidentView> stickied = this.incidents
			.findIncidents(new ListQuery(Map.of("stickied", true), "occurred_at", true, 1, RECENT), true)
			.items();
		Timeline timeline = page.onlyDisruptedDays() ? this.timelines.disruptedDays(page, 1)
				: this.timelines.days(page, null);
		return new StatusPageParts.Incidents(unresolved, recent, stickied, timeline);
	}

	@Transactional(readOnly = true)
	public StatusPageParts.Schedules schedules() {
		return new StatusPageParts.Schedules(Set.copyOf(this.schedules.findComponentsUnderMaintenance()),
				this.schedules.findUncompleted(),
				this.schedules.findSchedules(new ListQuery(Map.of(), "scheduled_at", true, 1, RECENT)).items());
	}

	/**
	 * @return the public metrics with a chart, any order
	 */
	@Transactional(readOnly = true)
	public List<MetricView> shownMetrics() {
		return this.metrics.findMetrics(ListQuery.all())
			.items()
			.stream()
			.filter((metric) -> metric.displayChart() && metric.visible() == 1)
			.sorted(Comparator.comparingInt(MetricView::order).thenComparingLong(MetricView::id))
			.toList();
	}

	/**
	 * @return the charts of the given metrics, none when the page shows no graphs
	 */
	@Transactional(readOnly = true)
	public Map<Long, Map<MetricPeriod, MetricChart>> charts(List<MetricView> shown, PageSettings page) {
		Map<Long, Map<MetricPeriod, MetricChart>> charts = new HashMap<>();
		if (!page.displayGraphs()) {
			return charts;
		}
		for (MetricView metric : shown) {
			Map<MetricPeriod, MetricChart> views = new EnumMap<>(MetricPeriod.class);
			for (MetricPeriod period : MetricPeriod.values()) {
				views.put(period, this.metrics.chart(metric.id(), period, page.timezone()));
			}
			charts.put(metric.id(), views);
		}
		return charts;
	}

	/**
	 * @see IncidentTimelines#days
	 */
	Timeline timeline(PageSettings page, @Nullable LocalDate startDate) {
		return this.timelines.days(page, startDate);
	}

	/**
	 * @see IncidentTimelines#disruptedDays
	 */
	Timeline disruptedTimeline(PageSettings page, int pageNumber) {
		return this.timelines.disruptedDays(page, pageNumber);
	}

	/**
	 * @return the incident, if a guest may see it (no transaction of its own: the
	 * service's would be marked for rollback by the not-found exception)
	 */
	public Optional<IncidentView> incident(long id) {
		try {
			return Optional.of(this.incidents.getIncident(id, true));
		}
		catch (NotFoundException ex) {
			return Optional.empty();
		}
	}

	public Optional<MaintenanceEntry> schedule(long id) {
		try {
			return Optional.of(StatusPageAssembly.maintenanceEntry(this.schedules.getSchedule(id), this.clock.instant(),
					enabledComponentNames()));
		}
		catch (NotFoundException ex) {
			return Optional.empty();
		}
	}

	/**
	 * @return the names of all enabled components, read once for every maintenance window
	 * rather than once per affected component
	 */
	private Map<Long, String> enabledComponentNames() {
		Map<Long, String> names = new HashMap<>();
		this.components.findComponents(ListQuery.all(), List.of(), false)
			.items()
			.stream()
			.filter(ComponentView::enabled)
			.forEach((component) -> names.put(component.id(), component.name()));
		return Map.copyOf(names);
	}

}
