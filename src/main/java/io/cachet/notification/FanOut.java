package io.cachet.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.cachet.component.ComponentService;
import io.cachet.component.ComponentStatus;
import io.cachet.component.ComponentView;
import io.cachet.incident.AffectedComponent;
import io.cachet.incident.IncidentUpdateView;
import io.cachet.incident.IncidentService;
import io.cachet.incident.IncidentView;
import io.cachet.notification.NotificationContent.ComponentName;
import io.cachet.notification.internal.OutboxRepository;
import io.cachet.notification.internal.OutboxRepository.PendingNotification;
import io.cachet.schedule.ScheduleComponentView;
import io.cachet.schedule.ScheduleService;
import io.cachet.schedule.ScheduleStatus;
import io.cachet.schedule.ScheduleView;
import io.cachet.settings.PublicAddress;
import io.cachet.settings.SettingsService;

/**
 * Turns one outbox notification into deliveries: fixes what it says, decides who hears
 * about it, and queues one delivery per recipient, all in one transaction.
 * <p>
 * Who hears what:
 * <ul>
 * <li>E-mail subscribers (verified): the global ones, and those subscribed to a component
 * the event concerns. Incidents only when created with {@code notify} (updates follow the
 * incident's choice); maintenance only when scheduled with {@code notify} (its start and
 * end follow that choice); status changes of components guests can see. While maintenance
 * is in progress and the {@code suppress_notifications_in_maintenance} setting is on,
 * incident and status e-mails are not sent (maintenance's own are).</li>
 * <li>Webhooks: every visible event of the kinds they take, whatever {@code notify} says:
 * they are the team's own integrations, not people who signed up.</li>
 * </ul>
 */
@Component
class FanOut {

	private final OutboxRepository outbox;

	private final Outbox payloads;

	private final IncidentService incidents;

	private final ComponentService components;

	private final ScheduleService schedules;

	private final SettingsService settings;

	private final PublicAddress address;

	private final Clock clock;

	FanOut(OutboxRepository outbox, Outbox payloads, IncidentService incidents, ComponentService components,
			ScheduleService schedules, SettingsService settings, PublicAddress address, Clock clock) {
		this.outbox = outbox;
		this.payloads = payloads;
		this.incidents = incidents;
		this.components = components;
		this.schedules = schedules;
		this.settings = settings;
		this.address = address;
		this.clock = clock;
	}

	/**
	 * @return how many deliveries were queued
	 */
	@Transactional
	public int fanOut(PendingNotification notification) {
		if (!this.outbox.claimPending(notification.id())) {
			return 0;
		}
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		NotificationKind kind = NotificationKind.fromEventName(notification.kind()).orElse(null);
		Map<String, Object> payload = this.payloads.read(notification.payload());
		NotificationContent content = (kind != null) ? content(kind, payload) : null;
		if (kind == null || content == null) {
			this.outbox.markFannedOut(notification.id(), "skipped", null, 0, now);
			return 0;
		}
		int queued = 0;
		if (kind == NotificationKind.SUBSCRIPTION_VERIFY || kind == NotificationKind.SUBSCRIPTION_MANAGE) {
			queued += this.outbox.queueForSubscriber(notification.id(), number(payload, "subscriber_id"), now);
		}
		else {
			if (emailsSubscribers(kind, payload)) {
				queued += this.outbox.queueForSubscribers(notification.id(),
						content.components().stream().map(ComponentName::id).toList(), now);
			}
			queued += this.outbox.queueForWebhooks(notification.id(), kind.eventName(), now);
		}
		this.outbox.markFannedOut(notification.id(), "done", this.payloads.write(content), queued, now);
		return queued;
	}

	private boolean emailsSubscribers(NotificationKind kind, Map<String, Object> payload) {
		boolean chosen = switch (kind) {
			case INCIDENT_CREATED, MAINTENANCE_SCHEDULED -> Boolean.TRUE.equals(payload.get("notify"));
			case INCIDENT_UPDATED ->
				incident(number(payload, "incident_id")).map(IncidentView::notifications).orElse(false);
			case MAINTENANCE_STARTED, MAINTENANCE_COMPLETED ->
				this.payloads.payloadOf("maintenance_scheduled:" + number(payload, "schedule_id"))
					.map((scheduled) -> Boolean.TRUE.equals(scheduled.get("notify")))
					.orElse(false);
			// private components (disabled, or in a group guests cannot see) are not
			// mailed
			case COMPONENT_STATUS_CHANGED -> isPublic(number(payload, "component_id"));
			default -> true;
		};
		if (!chosen) {
			return false;
		}
		boolean suppressed = !kind.isMaintenance() && this.settings.site().suppressNotificationsInMaintenance()
				&& this.schedules.isMaintenanceInProgress();
		return !suppressed;
	}

	/**
	 * @param content what {@link #fanOut} fixed for a notification
	 */
	NotificationContent readContent(String content) {
		return this.payloads.readContent(content);
	}

	private @Nullable NotificationContent content(NotificationKind kind, Map<String, Object> payload) {
		String base = this.address.baseUrl();
		return switch (kind) {
			case INCIDENT_CREATED ->
				incident(number(payload, "incident_id"))
					.map((incident) -> new NotificationContent(kind.eventName(), incident.id(), incident.name(),
							incident.status().code(), "incident.status." + incident.status().code(),
							incident.status().label(), incidentColour(incident.status().code()), null, null,
							incident.message(), base + "/incidents/" + incident.id(),
							names(incident.components().stream().map(AffectedComponent::componentId).toList()),
							incident.occurredAt(), null, null))
					.orElse(null);
			case INCIDENT_UPDATED -> incident(number(payload, "incident_id")).flatMap((incident) -> {
				long updateId = number(payload, "update_id");
				return incident.updates()
					.stream()
					.filter((update) -> update.id() == updateId)
					.findFirst()
					.map((IncidentUpdateView update) -> new NotificationContent(kind.eventName(), incident.id(),
							incident.name(), update.status().code(), "incident.status." + update.status().code(),
							update.status().label(), incidentColour(update.status().code()), null, null,
							update.message(), base + "/incidents/" + incident.id() + "#update-" + update.id(),
							names(incident.components().stream().map(AffectedComponent::componentId).toList()),
							update.createdAt(), null, null));
			}).orElse(null);
			case COMPONENT_STATUS_CHANGED ->
				this.components.findComponent(number(payload, "component_id")).map((ComponentView component) -> {
					ComponentStatus from = ComponentStatus.of((int) number(payload, "from"));
					ComponentStatus to = ComponentStatus.of((int) number(payload, "to"));
					return new NotificationContent(kind.eventName(), component.id(), component.name(), to.code(),
							"component.status." + to.code(), to.label(), componentColour(to.code()),
							"component.status." + from.code(), from.label(), "", base + "/",
							List.of(new ComponentName(component.id(), component.name())),
							Instant.parse((String) payload.get("at")), null, null);
				}).orElse(null);
			case MAINTENANCE_SCHEDULED, MAINTENANCE_STARTED, MAINTENANCE_COMPLETED ->
				schedule(number(payload, "schedule_id")).map((schedule) -> {
					ScheduleStatus status = switch (kind) {
						case MAINTENANCE_STARTED -> ScheduleStatus.IN_PROGRESS;
						case MAINTENANCE_COMPLETED -> ScheduleStatus.COMPLETE;
						default -> schedule.status();
					};
					return new NotificationContent(kind.eventName(), schedule.id(), schedule.name(), status.code(),
							"schedule.status." + status.code(), status.label(),
							(status == ScheduleStatus.COMPLETE) ? "greens" : "blues", null, null,
							(schedule.message() != null) ? schedule.message() : "",
							base + "/schedules/" + schedule.id(),
							names(schedule.components().stream().map(ScheduleComponentView::componentId).toList()),
							schedule.scheduledAt(), schedule.completedAt(), null);
				}).orElse(null);
			case SUBSCRIPTION_VERIFY,
					SUBSCRIPTION_MANAGE ->
				new NotificationContent(kind.eventName(), number(payload, "subscriber_id"), "", 0, "", "", "blues",
						null, null, "", base + "/", List.of(), this.clock.instant(), null,
						number(payload, "subscriber_id"));
		};
	}

	private boolean isPublic(long componentId) {
		return this.components.findComponent(componentId)
			.filter(ComponentView::enabled)
			.map((component) -> component.groupId() == 0
					|| this.components.findGroup(component.groupId()).map((g) -> g.isPublic()).orElse(true))
			.orElse(false);
	}

	private List<ComponentName> names(List<Long> ids) {
		List<ComponentName> names = new ArrayList<>();
		for (Long id : ids) {
			this.components.findComponent(id)
				.ifPresent((component) -> names.add(new ComponentName(id, component.name())));
		}
		return names;
	}

	// Not getIncident/getSchedule: their NotFoundException would mark this fan-out's
	// transaction rollback-only even when caught, and the notification would stay pending
	// and hold up every one after it.
	private Optional<IncidentView> incident(long id) {
		return this.incidents.findIncident(id);
	}

	private Optional<ScheduleView> schedule(long id) {
		return this.schedules.findSchedule(id);
	}

	private static String incidentColour(int status) {
		return switch (status) {
			case 2 -> "oranges";
			case 3 -> "blues";
			case 4 -> "greens";
			default -> "reds";
		};
	}

	private static String componentColour(int status) {
		return switch (status) {
			case 1 -> "greens";
			case 2 -> "blues";
			case 3 -> "yellows";
			case 4 -> "reds";
			default -> "greys";
		};
	}

	static long number(Map<String, Object> payload, String name) {
		return ((Number) payload.get(name)).longValue();
	}

}
