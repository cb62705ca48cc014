package io.cachet.statuspage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import io.cachet.component.ComponentStatus;
import io.cachet.incident.AffectedComponent;
import io.cachet.incident.IncidentStatus;
import io.cachet.incident.IncidentUpdateView;
import io.cachet.incident.IncidentView;
import io.cachet.schedule.ScheduleStatus;
import io.cachet.statuspage.StatusPageSnapshot.ComponentEntry;
import io.cachet.statuspage.StatusPageSnapshot.GroupSection;
import io.cachet.statuspage.StatusPageSnapshot.MaintenanceEntry;

/**
 * The Statuspage public JSON ({@code /api/v2/*.json}, see docs/statuspage-v2.md) from a
 * snapshot, so that the aggregators and widgets that read Statuspage pages read ours.
 * Mapping: component statuses 1-4 to operational, degraded_performance, partial_outage,
 * major_outage (0 unknown shows as operational, Statuspage has no unknown) and
 * under_maintenance while a maintenance affecting it is in progress; incident statuses
 * 0-1 investigating, 2 identified, 3 monitoring, 4 resolved; schedules 0 scheduled, 1
 * in_progress, 2 completed. Group ids are prefixed {@code g} so they never collide with
 * component ids.
 */
final class StatuspageJson {

	static final String CONTENT_TYPE = "application/json";

	/** The paths served, {@code /api/v2/<name>.json}. */
	static final java.util.Set<String> PATHS = java.util.Set.of("/api/v2/summary.json", "/api/v2/status.json",
			"/api/v2/components.json", "/api/v2/incidents.json", "/api/v2/incidents/unresolved.json",
			"/api/v2/scheduled-maintenances.json", "/api/v2/scheduled-maintenances/upcoming.json",
			"/api/v2/scheduled-maintenances/active.json");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

	private final StatusPageSnapshot snapshot;

	private final ZoneId zone;

	private StatuspageJson(StatusPageSnapshot snapshot) {
		this.snapshot = snapshot;
		this.zone = snapshot.settings().timezone();
	}

	/**
	 * @param name {@code summary}, {@code status}, {@code components}, {@code incidents},
	 * {@code incidents/unresolved}, {@code scheduled-maintenances},
	 * {@code scheduled-maintenances/upcoming} or {@code scheduled-maintenances/active}
	 */
	static Optional<RenderedResource> render(StatusPageSnapshot snapshot, String name) {
		StatuspageJson json = new StatuspageJson(snapshot);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("page", json.page());
		switch (name) {
			case "summary" -> {
				body.put("components", json.components());
				body.put("incidents", json.incidents(snapshot.unresolvedIncidents()));
				body.put("scheduled_maintenances", json.maintenance(snapshot.maintenance()));
				body.put("status", json.status());
			}
			case "status" -> body.put("status", json.status());
			case "components" -> body.put("components", json.components());
			case "incidents" -> body.put("incidents", json.incidents(snapshot.recentIncidents()));
			case "incidents/unresolved" -> body.put("incidents", json.incidents(snapshot.unresolvedIncidents()));
			case "scheduled-maintenances" ->
				body.put("scheduled_maintenances", json.maintenance(snapshot.recentSchedules()));
			case "scheduled-maintenances/upcoming" -> body.put("scheduled_maintenances",
					json.maintenance(snapshot.maintenance().stream().filter((entry) -> !entry.inProgress()).toList()));
			case "scheduled-maintenances/active" -> body.put("scheduled_maintenances",
					json.maintenance(snapshot.maintenance().stream().filter(MaintenanceEntry::inProgress).toList()));
			default -> {
				return Optional.empty();
			}
		}
		return Optional.of(RenderedResource.of(200, JSON.writeValueAsString(body), CONTENT_TYPE,
				RenderedResource.PAGE_CACHE_CONTROL));
	}

	private Map<String, Object> page() {
		PageSettings settings = this.snapshot.settings();
		Map<String, Object> page = new LinkedHashMap<>();
		page.put("id", pageId(settings));
		page.put("name", settings.name());
		page.put("url", settings.domain());
		page.put("time_zone", settings.timezone().getId());
		page.put("updated_at", time(this.snapshot.builtAt()));
		return page;
	}

	/**
	 * The overall indicator: maintenance in progress without problems shows as
	 * maintenance; otherwise the worst of the components (major outage past the page's
	 * major outage rate is critical, any outage major, performance issues minor) and of
	 * the unresolved incidents (minor).
	 */
	Map<String, Object> status() {
		List<ComponentEntry> components = this.snapshot.allComponents();
		long major = components.stream().filter((c) -> c.component().status() == ComponentStatus.MAJOR_OUTAGE).count();
		boolean outage = components.stream()
			.anyMatch((c) -> c.component().status() == ComponentStatus.PARTIAL_OUTAGE
					|| c.component().status() == ComponentStatus.MAJOR_OUTAGE);
		boolean degraded = components.stream()
			.anyMatch((c) -> c.component().status() == ComponentStatus.PERFORMANCE_ISSUES);
		boolean maintenance = this.snapshot.maintenance().stream().anyMatch(MaintenanceEntry::inProgress);
		String indicator;
		String description;
		if (!components.isEmpty() && major * 100.0 / components.size() >= this.snapshot.settings().majorOutageRate()) {
			indicator = "critical";
			description = "Major System Outage";
		}
		else if (outage) {
			indicator = "major";
			description = "Partial System Outage";
		}
		else if (degraded) {
			indicator = "minor";
			description = "Partially Degraded Service";
		}
		else if (!this.snapshot.unresolvedIncidents().isEmpty()) {
			indicator = "minor";
			description = "Minor Service Outage";
		}
		else if (maintenance) {
			indicator = "maintenance";
			description = "Service Under Maintenance";
		}
		else {
			indicator = "none";
			description = "All Systems Operational";
		}
		Map<String, Object> status = new LinkedHashMap<>();
		status.put("indicator", indicator);
		status.put("description", description);
		return status;
	}

	private List<Map<String, Object>> components() {
		String pageId = pageId(this.snapshot.settings());
		List<Map<String, Object>> all = new ArrayList<>();
		int position = 1;
		for (GroupSection group : this.snapshot.groups()) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("id", "g" + group.group().id());
			row.put("name", group.group().name());
			boolean allUnderMaintenance = group.components().stream().allMatch(ComponentEntry::underMaintenance);
			row.put("status", allUnderMaintenance ? "under_maintenance" : statusName(group.worst()));
			row.put("created_at", time(group.group().createdAt()));
			row.put("updated_at", time(group.group().updatedAt()));
			row.put("position", position++);
			row.put("description", null);
			row.put("showcase", false);
			row.put("start_date", null);
			row.put("group_id", null);
			row.put("page_id", pageId);
			row.put("group", true);
			row.put("only_show_if_degraded", false);
			row.put("components", group.components().stream().map((c) -> String.valueOf(c.component().id())).toList());
			all.add(row);
		}
		for (GroupSection group : this.snapshot.groups()) {
			for (ComponentEntry entry : group.components()) {
				all.add(component(entry, "g" + group.group().id(), position++, pageId));
			}
		}
		for (ComponentEntry entry : this.snapshot.ungrouped()) {
			all.add(component(entry, null, position++, pageId));
		}
		return all;
	}

	private Map<String, Object> component(ComponentEntry entry, @Nullable String groupId, int position, String pageId) {
		var component = entry.component();
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("id", String.valueOf(component.id()));
		row.put("name", component.name());
		row.put("status", entry.underMaintenance() ? "under_maintenance" : statusName(component.status()));
		row.put("created_at", time(component.createdAt()));
		row.put("updated_at", time(component.updatedAt()));
		row.put("position", position);
		row.put("description", component.description().isBlank() ? null : component.description());
		row.put("showcase", true);
		row.put("start_date", component.createdAt().atZone(this.zone).toLocalDate().toString());
		row.put("group_id", groupId);
		row.put("page_id", pageId);
		row.put("group", false);
		row.put("only_show_if_degraded", false);
		return row;
	}

	private List<Map<String, Object>> incidents(List<IncidentView> incidents) {
		return incidents.stream().map(this::incident).toList();
	}

	private Map<String, Object> incident(IncidentView incident) {
		IncidentStatus status = incident.latestStatus();
		List<IncidentUpdateView> updates = incident.updates();
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("id", String.valueOf(incident.id()));
		row.put("name", incident.name());
		row.put("status", incidentStatusName(status));
		row.put("impact", impact(incident.components()));
		row.put("created_at", time(incident.createdAt()));
		row.put("updated_at", time(incident.updatedAt()));
		row.put("started_at", time(incident.occurredAt()));
		row.put("monitoring_at", firstAt(incident, IncidentStatus.WATCHING));
		row.put("resolved_at", (status == IncidentStatus.FIXED) ? firstAt(incident, IncidentStatus.FIXED) : null);
		row.put("shortlink", link("/incidents/" + incident.id()));
		row.put("page_id", pageId(this.snapshot.settings()));
		List<Map<String, Object>> rows = new ArrayList<>();
		for (IncidentUpdateView update : updates) {
			rows.add(update(String.valueOf(update.id()), String.valueOf(incident.id()),
					incidentStatusName(update.status()), update.message(), update.createdAt(), update.updatedAt()));
		}
		// The incident's own message is its first update, as on Statuspage.
		rows.add(update("i" + incident.id(), String.valueOf(incident.id()), incidentStatusName(incident.status()),
				incident.message(), incident.occurredAt(), incident.createdAt()));
		row.put("incident_updates", rows);
		row.put("components",
				incident.components()
					.stream()
					.map((affected) -> this.snapshot.component(affected.componentId()))
					.flatMap(Optional::stream)
					.map((entry) -> component(entry, groupIdOf(entry), 0, pageId(this.snapshot.settings())))
					.toList());
		return row;
	}

	private List<Map<String, Object>> maintenance(List<MaintenanceEntry> entries) {
		String pageId = pageId(this.snapshot.settings());
		return entries.stream().map((entry) -> {
			var schedule = entry.schedule();
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("id", "m" + schedule.id());
			row.put("name", schedule.name());
			String status = (schedule.status() == ScheduleStatus.COMPLETE) ? "completed"
					: entry.inProgress() ? "in_progress" : "scheduled";
			row.put("status", status);
			row.put("impact", "maintenance");
			row.put("created_at", time(schedule.createdAt()));
			row.put("updated_at", time(schedule.updatedAt()));
			row.put("started_at", time(schedule.scheduledAt()));
			row.put("monitoring_at", null);
			row.put("resolved_at", (schedule.completedAt() != null && status.equals("completed"))
					? time(schedule.completedAt()) : null);
			row.put("shortlink", link("/schedules/" + schedule.id()));
			row.put("page_id", pageId);
			row.put("scheduled_for", time(schedule.scheduledAt()));
			row.put("scheduled_until", (schedule.completedAt() != null) ? time(schedule.completedAt()) : null);
			row.put("incident_updates",
					List.of(update("m" + schedule.id(), "m" + schedule.id(), status,
							(schedule.message() != null) ? schedule.message() : "", schedule.createdAt(),
							schedule.updatedAt())));
			row.put("components",
					schedule.components()
						.stream()
						.map((affected) -> this.snapshot.component(affected.componentId()))
						.flatMap(Optional::stream)
						.map((component) -> component(component, groupIdOf(component), 0, pageId))
						.toList());
			return row;
		}).toList();
	}

	private Map<String, Object> update(String id, String incidentId, String status, String body, Instant createdAt,
			Instant updatedAt) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("id", id);
		row.put("incident_id", incidentId);
		row.put("status", status);
		row.put("body", body);
		row.put("created_at", time(createdAt));
		row.put("updated_at", time(updatedAt));
		row.put("display_at", time(createdAt));
		row.put("affected_components", null);
		row.put("deliver_notifications", true);
		row.put("custom_tweet", null);
		row.put("tweet_id", null);
		return row;
	}

	private @Nullable String groupIdOf(ComponentEntry entry) {
		long groupId = entry.component().groupId();
		return this.snapshot.groups().stream().anyMatch((group) -> group.group().id() == groupId) ? "g" + groupId
				: null;
	}

	private @Nullable String firstAt(IncidentView incident, IncidentStatus status) {
		return incident.updates()
			.stream()
			.filter((update) -> update.status() == status)
			.map(IncidentUpdateView::createdAt)
			.min(Comparator.naturalOrder())
			.map(this::time)
			.orElse(null);
	}

	private String link(String path) {
		String domain = this.snapshot.settings().domain();
		return (domain.endsWith("/") ? domain.substring(0, domain.length() - 1) : domain) + path;
	}

	private String time(Instant instant) {
		return ISO.format(instant.atZone(this.zone));
	}

	static String statusName(ComponentStatus status) {
		return switch (status) {
			case PERFORMANCE_ISSUES -> "degraded_performance";
			case PARTIAL_OUTAGE -> "partial_outage";
			case MAJOR_OUTAGE -> "major_outage";
			default -> "operational";
		};
	}

	static String incidentStatusName(IncidentStatus status) {
		return switch (status) {
			case IDENTIFIED -> "identified";
			case WATCHING -> "monitoring";
			case FIXED -> "resolved";
			default -> "investigating";
		};
	}

	/**
	 * The impact is the worst status the incident gave a component.
	 */
	static String impact(List<AffectedComponent> components) {
		int worst = components.stream().mapToInt((component) -> component.status().code()).max().orElse(0);
		return switch (worst) {
			case 4 -> "critical";
			case 3 -> "major";
			case 2 -> "minor";
			default -> "none";
		};
	}

	/**
	 * A stable 12-character id for the page, from its domain (Statuspage ids look like
	 * {@code 4lzycl8t1x0c}).
	 */
	static String pageId(PageSettings settings) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(("cachet:" + settings.domain()).getBytes(StandardCharsets.UTF_8));
			String base36 = new java.math.BigInteger(1, digest).toString(36);
			return base36.substring(0, 12);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
