package io.cachet.statuspage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
import io.cachet.statuspage.StatuspageV2.Component;
import io.cachet.statuspage.StatuspageV2.ComponentRow;
import io.cachet.statuspage.StatuspageV2.ComponentState;
import io.cachet.statuspage.StatuspageV2.Document;
import io.cachet.statuspage.StatuspageV2.Group;
import io.cachet.statuspage.StatuspageV2.Impact;
import io.cachet.statuspage.StatuspageV2.Incident;
import io.cachet.statuspage.StatuspageV2.IncidentState;
import io.cachet.statuspage.StatuspageV2.Indicator;
import io.cachet.statuspage.StatuspageV2.Maintenance;
import io.cachet.statuspage.StatuspageV2.MaintenanceState;
import io.cachet.statuspage.StatuspageV2.Page;
import io.cachet.statuspage.StatuspageV2.Status;
import io.cachet.statuspage.StatuspageV2.Update;

/**
 * The Statuspage public JSON ({@code /api/v2/*.json}, see docs/statuspage-v2.md) from a
 * snapshot, so that the aggregators and widgets that read Statuspage pages read ours.
 * Mapping: component statuses 1-4 to operational, degraded_performance, partial_outage,
 * major_outage (0 unknown shows as operational, Statuspage has no unknown) and
 * under_maintenance while a maintenance affecting it is in progress; incident statuses
 * 0-1 investigating, 2 identified, 3 monitoring, 4 resolved; schedules 0 scheduled, 1
 * in_progress, 2 completed. Group ids are prefixed {@code g} so they never collide with
 * component ids. The documents are the records of {@link StatuspageV2}.
 */
@org.springframework.stereotype.Component
final class StatuspageJson {

	static final String CONTENT_TYPE = "application/json";

	/** The paths served, {@code /api/v2/<name>.json}. */
	static final Set<String> PATHS = Set.of("/api/v2/summary.json", "/api/v2/status.json", "/api/v2/components.json",
			"/api/v2/incidents.json", "/api/v2/incidents/unresolved.json", "/api/v2/scheduled-maintenances.json",
			"/api/v2/scheduled-maintenances/upcoming.json", "/api/v2/scheduled-maintenances/active.json");

	private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

	private final JsonMapper json;

	StatuspageJson(JsonMapper json) {
		this.json = json;
	}

	/**
	 * @param name {@code summary}, {@code status}, {@code components}, {@code incidents},
	 * {@code incidents/unresolved}, {@code scheduled-maintenances},
	 * {@code scheduled-maintenances/upcoming} or {@code scheduled-maintenances/active}
	 * @return the document, or empty for any other name
	 */
	Optional<RenderedResource> render(StatusPageSnapshot snapshot, String name) {
		return document(snapshot, name).map((document) -> RenderedResource.of(200,
				this.json.writeValueAsString(document), CONTENT_TYPE, RenderedResource.PAGE_CACHE_CONTROL));
	}

	static Optional<Document> document(StatusPageSnapshot snapshot, String name) {
		Documents documents = new Documents(snapshot);
		Document page = Document.of(documents.page());
		List<MaintenanceEntry> maintenance = snapshot.maintenance();
		return Optional.ofNullable(switch (name) {
			case "summary" -> page.withComponents(documents.components())
				.withIncidents(documents.incidents(snapshot.unresolvedIncidents()))
				.withMaintenance(documents.maintenance(maintenance))
				.withStatus(documents.status());
			case "status" -> page.withStatus(documents.status());
			case "components" -> page.withComponents(documents.components());
			case "incidents" -> page.withIncidents(documents.incidents(snapshot.recentIncidents()));
			case "incidents/unresolved" -> page.withIncidents(documents.incidents(snapshot.unresolvedIncidents()));
			case "scheduled-maintenances" -> page.withMaintenance(documents.maintenance(snapshot.recentSchedules()));
			case "scheduled-maintenances/upcoming" -> page.withMaintenance(
					documents.maintenance(maintenance.stream().filter((entry) -> !entry.inProgress()).toList()));
			case "scheduled-maintenances/active" -> page.withMaintenance(
					documents.maintenance(maintenance.stream().filter(MaintenanceEntry::inProgress).toList()));
			default -> null;
		});
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

	/**
	 * The parts of the documents, from one snapshot.
	 */
	private static final class Documents {

		private final StatusPageSnapshot snapshot;

		private final ZoneId zone;

		private final String pageId;

		Documents(StatusPageSnapshot snapshot) {
			this.snapshot = snapshot;
			this.zone = snapshot.settings().timezone();
			this.pageId = pageId(snapshot.settings());
		}

		Page page() {
			PageSettings settings = this.snapshot.settings();
			return new Page(this.pageId, settings.name(), settings.domain(), settings.timezone().getId(),
					time(this.snapshot.builtAt()));
		}

		/**
		 * The overall indicator: maintenance in progress without problems shows as
		 * maintenance; otherwise the worst of the components (major outage past the
		 * page's major outage rate is critical, any outage major, performance issues
		 * minor) and of the unresolved incidents (minor).
		 */
		Status status() {
			List<ComponentEntry> components = this.snapshot.allComponents();
			long major = components.stream()
				.filter((c) -> c.component().status() == ComponentStatus.MAJOR_OUTAGE)
				.count();
			boolean outage = components.stream()
				.anyMatch((c) -> c.component().status() == ComponentStatus.PARTIAL_OUTAGE
						|| c.component().status() == ComponentStatus.MAJOR_OUTAGE);
			boolean degraded = components.stream()
				.anyMatch((c) -> c.component().status() == ComponentStatus.PERFORMANCE_ISSUES);
			boolean maintenance = this.snapshot.maintenance().stream().anyMatch(MaintenanceEntry::inProgress);
			if (!components.isEmpty()
					&& major * 100.0 / components.size() >= this.snapshot.settings().majorOutageRate()) {
				return new Status(Indicator.CRITICAL, "Major System Outage");
			}
			if (outage) {
				return new Status(Indicator.MAJOR, "Partial System Outage");
			}
			if (degraded) {
				return new Status(Indicator.MINOR, "Partially Degraded Service");
			}
			if (!this.snapshot.unresolvedIncidents().isEmpty()) {
				return new Status(Indicator.MINOR, "Minor Service Outage");
			}
			if (maintenance) {
				return new Status(Indicator.MAINTENANCE, "Service Under Maintenance");
			}
			return new Status(Indicator.NONE, "All Systems Operational");
		}

		/**
		 * The groups first, then their components, then the ungrouped ones, numbered in
		 * that order.
		 */
		List<ComponentRow> components() {
			List<ComponentRow> all = new ArrayList<>();
			int position = 1;
			for (GroupSection group : this.snapshot.groups()) {
				boolean allUnderMaintenance = group.components().stream().allMatch(ComponentEntry::underMaintenance);
				all.add(new Group("g" + group.group().id(), group.group().name(),
						allUnderMaintenance ? ComponentState.UNDER_MAINTENANCE : ComponentState.of(group.worst()),
						time(group.group().createdAt()), time(group.group().updatedAt()), position++, this.pageId,
						group.components().stream().map((c) -> String.valueOf(c.component().id())).toList()));
			}
			for (GroupSection group : this.snapshot.groups()) {
				for (ComponentEntry entry : group.components()) {
					all.add(component(entry, "g" + group.group().id(), position++));
				}
			}
			for (ComponentEntry entry : this.snapshot.ungrouped()) {
				all.add(component(entry, null, position++));
			}
			return all;
		}

		private Component component(ComponentEntry entry, @Nullable String groupId, int position) {
			var component = entry.component();
			return new Component(String.valueOf(component.id()), component.name(),
					entry.underMaintenance() ? ComponentState.UNDER_MAINTENANCE : ComponentState.of(component.status()),
					time(component.createdAt()), time(component.updatedAt()), position,
					component.description().isBlank() ? null : component.description(),
					component.createdAt().atZone(this.zone).toLocalDate().toString(), groupId, this.pageId);
		}

		List<Incident> incidents(List<IncidentView> incidents) {
			return incidents.stream().map(this::incident).toList();
		}

		private Incident incident(IncidentView incident) {
			IncidentStatus status = incident.latestStatus();
			String id = String.valueOf(incident.id());
			List<Update> updates = new ArrayList<>();
			for (IncidentUpdateView update : incident.updates()) {
				updates.add(new Update(String.valueOf(update.id()), id, IncidentState.of(update.status()),
						update.message(), time(update.createdAt()), time(update.updatedAt())));
			}
			// The incident's own message is its first update, as on Statuspage.
			updates.add(new Update("i" + incident.id(), id, IncidentState.of(incident.status()), incident.message(),
					time(incident.occurredAt()), time(incident.createdAt())));
			return new Incident(id, incident.name(), IncidentState.of(status), impact(incident.components()),
					time(incident.createdAt()), time(incident.updatedAt()), time(incident.occurredAt()),
					firstAt(incident, IncidentStatus.WATCHING),
					(status == IncidentStatus.FIXED) ? firstAt(incident, IncidentStatus.FIXED) : null,
					link("/incidents/" + incident.id()), this.pageId, updates,
					affected(incident.components().stream().map(AffectedComponent::componentId)));
		}

		List<Maintenance> maintenance(List<MaintenanceEntry> entries) {
			return entries.stream().map(this::maintenance).toList();
		}

		private Maintenance maintenance(MaintenanceEntry entry) {
			var schedule = entry.schedule();
			String id = "m" + schedule.id();
			MaintenanceState status = (schedule.status() == ScheduleStatus.COMPLETE) ? MaintenanceState.COMPLETED
					: entry.inProgress() ? MaintenanceState.IN_PROGRESS : MaintenanceState.SCHEDULED;
			Instant completedAt = schedule.completedAt();
			return new Maintenance(id, schedule.name(), status, Impact.MAINTENANCE, time(schedule.createdAt()),
					time(schedule.updatedAt()), time(schedule.scheduledAt()), null,
					(completedAt != null && status == MaintenanceState.COMPLETED) ? time(completedAt) : null,
					link("/schedules/" + schedule.id()), this.pageId, time(schedule.scheduledAt()),
					(completedAt != null) ? time(completedAt) : null,
					List.of(new Update(id, id, status, (schedule.message() != null) ? schedule.message() : "",
							time(schedule.createdAt()), time(schedule.updatedAt()))),
					affected(schedule.components().stream().map((affected) -> affected.componentId())));
		}

		/**
		 * The affected components the page shows, unnumbered.
		 */
		private List<Component> affected(java.util.stream.Stream<Long> componentIds) {
			return componentIds.map(this.snapshot::component)
				.flatMap(Optional::stream)
				.map((entry) -> component(entry, groupIdOf(entry), 0))
				.toList();
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

		/**
		 * The impact is the worst status the incident gave a component.
		 */
		private static Impact impact(List<AffectedComponent> components) {
			return components.stream()
				.map(AffectedComponent::status)
				.max(Comparator.comparingInt(ComponentStatus::code))
				.map(Impact::of)
				.orElse(Impact.NONE);
		}

	}

}
