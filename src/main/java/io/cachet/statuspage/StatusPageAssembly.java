package io.cachet.statuspage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import io.cachet.component.ComponentGroupView;
import io.cachet.component.ComponentStatus;
import io.cachet.component.ComponentView;
import io.cachet.component.OverallStatus;
import io.cachet.metric.MetricView;
import io.cachet.schedule.ScheduleStatus;
import io.cachet.schedule.ScheduleView;
import io.cachet.statuspage.StatusPageSnapshot.ComponentEntry;
import io.cachet.statuspage.StatusPageSnapshot.GroupSection;
import io.cachet.statuspage.StatusPageSnapshot.MaintenanceEntry;
import io.cachet.statuspage.StatusPageSnapshot.MetricEntry;

/**
 * Assembles a {@link StatusPageSnapshot} from its {@link StatusPageParts}, without the
 * database: what one part shows that depends on another (a component under maintenance,
 * the overall status, the names a maintenance window lists) is worked out here, so that a
 * part can be read again on its own. Cheap next to a read: a pass over the components.
 */
final class StatusPageAssembly {

	private StatusPageAssembly() {
	}

	static StatusPageSnapshot assemble(StatusPageParts parts, Instant now) {
		PageSettings page = parts.settings();
		List<ComponentView> visible = parts.components().visible();
		Map<Long, String> names = new LinkedHashMap<>();
		visible.forEach((component) -> names.put(component.id(), component.name()));

		List<GroupSection> groups = new ArrayList<>();
		Set<Long> grouped = new HashSet<>();
		List<ComponentGroupView> publicGroups = new ArrayList<>(parts.components().groups());
		publicGroups.sort(Comparator.comparingInt(ComponentGroupView::order).thenComparingLong(ComponentGroupView::id));
		Map<Long, List<ComponentView>> byGroup = new java.util.HashMap<>();
		visible.stream()
			.filter(ComponentView::enabled)
			.forEach((component) -> byGroup.computeIfAbsent(component.groupId(), (id) -> new ArrayList<>())
				.add(component));
		for (ComponentGroupView group : publicGroups) {
			List<ComponentEntry> members = byGroup.getOrDefault(group.id(), List.of())
				.stream()
				.sorted(Comparator.comparingInt(ComponentView::order).thenComparingLong(ComponentView::id))
				.map((component) -> entry(component, parts))
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
			.map((component) -> entry(component, parts))
			.toList();

		List<ComponentStatus> shownStatuses = Stream
			.concat(groups.stream().flatMap((group) -> group.components().stream()), ungrouped.stream())
			.map((entry) -> entry.component().status())
			.toList();
		StatusPageParts.Incidents incidents = parts.incidents();
		OverallStatus status = OverallStatus.of(shownStatuses, page.majorOutageRate(), incidents.unresolved().size());
		Map<Long, String> enabledNames = parts.components().enabledNames();
		List<MaintenanceEntry> maintenance = parts.schedules()
			.uncompleted()
			.stream()
			.map((schedule) -> maintenanceEntry(schedule, now, enabledNames))
			.toList();
		List<MaintenanceEntry> recentSchedules = parts.schedules()
			.recent()
			.stream()
			.map((schedule) -> maintenanceEntry(schedule, now, enabledNames))
			.toList();
		List<MetricEntry> metrics = page.displayGraphs() ? metrics(parts) : List.of();
		return new StatusPageSnapshot(now, page, status, List.copyOf(groups), ungrouped, incidents.stickied(),
				maintenance, metrics, incidents.timeline(), incidents.recent(), incidents.unresolved(), recentSchedules,
				Map.copyOf(names));
	}

	private static List<MetricEntry> metrics(StatusPageParts parts) {
		return parts.metrics()
			.stream()
			.filter((metric) -> parts.charts().containsKey(metric.id()))
			.sorted(Comparator.comparingInt(MetricView::order).thenComparingLong(MetricView::id))
			.map((metric) -> new MetricEntry(metric, parts.charts().get(metric.id())))
			.toList();
	}

	static MaintenanceEntry maintenanceEntry(ScheduleView schedule, Instant now, Map<Long, String> enabledNames) {
		boolean started = !schedule.scheduledAt().isAfter(now);
		boolean completed = schedule.status() == ScheduleStatus.COMPLETE
				|| (schedule.completedAt() != null && !schedule.completedAt().isAfter(now));
		boolean inProgress = !completed && (started || schedule.status() == ScheduleStatus.IN_PROGRESS);
		List<String> names = schedule.components()
			.stream()
			.map((component) -> enabledNames.get(component.componentId()))
			.filter(Objects::nonNull)
			.toList();
		return new MaintenanceEntry(schedule, inProgress, names);
	}

	private static ComponentEntry entry(ComponentView component, StatusPageParts parts) {
		return new ComponentEntry(component, parts.schedules().underMaintenance().contains(component.id()),
				parts.uptime().get(component.id()));
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
