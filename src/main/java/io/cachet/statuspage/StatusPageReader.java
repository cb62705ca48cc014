package io.cachet.statuspage;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.cachet.component.OverallStatus;
import io.cachet.component.ComponentGroupView;
import io.cachet.component.ComponentService;
import io.cachet.component.ComponentStatus;
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
import io.cachet.schedule.ScheduleStatus;
import io.cachet.schedule.ScheduleView;
import io.cachet.settings.SettingsService;
import io.cachet.shared.ListQuery;
import io.cachet.statuspage.StatusPageSnapshot.ComponentEntry;
import io.cachet.statuspage.StatusPageSnapshot.GroupSection;
import io.cachet.statuspage.StatusPageSnapshot.MaintenanceEntry;
import io.cachet.statuspage.StatusPageSnapshot.MetricEntry;
import io.cachet.statuspage.StatusPageSnapshot.Timeline;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads what a guest may see into a {@link StatusPageSnapshot}, in one read-only
 * transaction: the settings ({@link PageSettings#from}), components, incidents and their
 * timeline ({@link IncidentTimelines}), maintenance and metrics. This is the only place
 * the public page touches the database; it runs when data changes, not per request.
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

	@Transactional(readOnly = true)
	public StatusPageSnapshot read() {
		Instant now = this.clock.instant();
		PageSettings page = PageSettings.from(this.settings.site());
		Set<Long> underMaintenance = new HashSet<>(this.schedules.findComponentsUnderMaintenance());
		Map<Long, ComponentUptime> uptimes = this.uptime.lastDays(UPTIME_DAYS, page.timezone());
		List<ComponentView> visible = this.components.findComponents(ListQuery.all(), List.of(), true).items();
		Map<Long, String> names = new LinkedHashMap<>();
		visible.forEach((component) -> names.put(component.id(), component.name()));

		List<GroupSection> groups = new ArrayList<>();
		Set<Long> grouped = new HashSet<>();
		List<ComponentGroupView> publicGroups = new ArrayList<>(
				this.components.findGroups(ListQuery.all(), true).items());
		publicGroups.sort(Comparator.comparingInt(ComponentGroupView::order).thenComparingLong(ComponentGroupView::id));
		for (ComponentGroupView group : publicGroups) {
			List<ComponentEntry> members = visible.stream()
				.filter((component) -> component.groupId() == group.id() && component.enabled())
				.sorted(Comparator.comparingInt(ComponentView::order).thenComparingLong(ComponentView::id))
				.map((component) -> entry(component, underMaintenance, uptimes))
				.toList();
			if (members.isEmpty()) {
				continue;
			}
			members.forEach((member) -> grouped.add(member.component().id()));
			ComponentStatus worst = members.stream()
				.map((member) -> member.component().status())
				.max(Comparator.comparingInt(ComponentStatus::code))
				.orElse(ComponentStatus.OPERATIONAL);
			groups.add(new GroupSection(group, members, worst, isOpen(group, worst)));
		}
		// Cachet lists components without a (public) group last, the most broken first.
		List<ComponentEntry> ungrouped = visible.stream()
			.filter((component) -> component.enabled() && !grouped.contains(component.id()))
			.sorted(Comparator.comparingInt((ComponentView component) -> -component.status().code())
				.thenComparingInt(ComponentView::order)
				.thenComparing(ComponentView::createdAt))
			.map((component) -> entry(component, underMaintenance, uptimes))
			.toList();

		List<ComponentStatus> shownStatuses = java.util.stream.Stream
			.concat(groups.stream().flatMap((group) -> group.components().stream()), ungrouped.stream())
			.map((entry) -> entry.component().status())
			.toList();
		List<IncidentView> unresolved = this.incidents.findUnresolved(true);
		OverallStatus status = OverallStatus.of(shownStatuses, page.majorOutageRate(), unresolved.size());

		List<IncidentView> recent = this.incidents
			.findIncidents(new ListQuery(Map.of(), "occurred_at", true, 1, RECENT), true)
			.items();
		List<IncidentView> stickied = this.incidents
			.findIncidents(new ListQuery(Map.of("stickied", true), "occurred_at", true, 1, RECENT), true)
			.items();
		Map<Long, String> enabledNames = enabledComponentNames();
		List<MaintenanceEntry> maintenance = this.schedules.findUncompleted()
			.stream()
			.map((schedule) -> maintenanceEntry(schedule, now, enabledNames))
			.toList();
		List<MaintenanceEntry> recentSchedules = this.schedules
			.findSchedules(new ListQuery(Map.of(), "scheduled_at", true, 1, RECENT))
			.items()
			.stream()
			.map((schedule) -> maintenanceEntry(schedule, now, enabledNames))
			.toList();
		List<MetricEntry> metricEntries = page.displayGraphs() ? readMetrics(page.timezone()) : List.of();
		Timeline timeline = page.onlyDisruptedDays() ? this.timelines.disruptedDays(page, 1)
				: this.timelines.days(page, null);
		return new StatusPageSnapshot(now, page, status, List.copyOf(groups), ungrouped, stickied, maintenance,
				metricEntries, timeline, recent, unresolved, recentSchedules, Map.copyOf(names));
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
	public java.util.Optional<IncidentView> incident(long id) {
		try {
			return java.util.Optional.of(this.incidents.getIncident(id, true));
		}
		catch (io.cachet.shared.NotFoundException ex) {
			return java.util.Optional.empty();
		}
	}

	public java.util.Optional<MaintenanceEntry> schedule(long id) {
		try {
			return java.util.Optional
				.of(maintenanceEntry(this.schedules.getSchedule(id), this.clock.instant(), enabledComponentNames()));
		}
		catch (io.cachet.shared.NotFoundException ex) {
			return java.util.Optional.empty();
		}
	}

	private List<MetricEntry> readMetrics(ZoneId zone) {
		List<MetricView> shown = this.metrics.findMetrics(ListQuery.all())
			.items()
			.stream()
			.filter((metric) -> metric.displayChart() && metric.visible() == 1)
			.sorted(Comparator.comparingInt(MetricView::order).thenComparingLong(MetricView::id))
			.toList();
		List<MetricEntry> entries = new ArrayList<>();
		for (MetricView metric : shown) {
			Map<MetricPeriod, MetricChart> charts = new EnumMap<>(MetricPeriod.class);
			for (MetricPeriod period : MetricPeriod.values()) {
				charts.put(period, this.metrics.chart(metric.id(), period, zone));
			}
			entries.add(new MetricEntry(metric, charts));
		}
		return entries;
	}

	private MaintenanceEntry maintenanceEntry(ScheduleView schedule, Instant now, Map<Long, String> enabledNames) {
		boolean started = !schedule.scheduledAt().isAfter(now);
		boolean completed = schedule.status() == ScheduleStatus.COMPLETE
				|| (schedule.completedAt() != null && !schedule.completedAt().isAfter(now));
		boolean inProgress = !completed && (started || schedule.status() == ScheduleStatus.IN_PROGRESS);
		List<String> names = schedule.components()
			.stream()
			.map((component) -> enabledNames.get(component.componentId()))
			.filter(java.util.Objects::nonNull)
			.toList();
		return new MaintenanceEntry(schedule, inProgress, names);
	}

	/**
	 * @return the names of all enabled components, read once for every maintenance window
	 * rather than once per affected component
	 */
	private Map<Long, String> enabledComponentNames() {
		Map<Long, String> names = new java.util.HashMap<>();
		this.components.findComponents(ListQuery.all(), List.of(), false)
			.items()
			.stream()
			.filter(ComponentView::enabled)
			.forEach((component) -> names.put(component.id(), component.name()));
		return names;
	}

	private static ComponentEntry entry(ComponentView component, Set<Long> underMaintenance,
			Map<Long, ComponentUptime> uptimes) {
		return new ComponentEntry(component, underMaintenance.contains(component.id()), uptimes.get(component.id()));
	}

	/**
	 * Cachet's collapse rules: 0 expanded, 1 collapsed, 2 collapsed unless a component
	 * has issues.
	 */
	static boolean isOpen(ComponentGroupView group, ComponentStatus worst) {
		return switch (group.collapsed()) {
			case 1 -> false;
			case 2 -> worst.hasIssues();
			default -> true;
		};
	}

}
