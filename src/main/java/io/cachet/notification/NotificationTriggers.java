package io.cachet.notification;

import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.cachet.component.ComponentStatusChanged;
import io.cachet.incident.IncidentReported;
import io.cachet.incident.IncidentUpdateReported;
import io.cachet.schedule.MaintenanceScheduled;
import io.cachet.schedule.MaintenanceStatusChanged;
import io.cachet.schedule.ScheduleStatus;
import io.cachet.subscriber.ManageLinkRequested;
import io.cachet.subscriber.SubscriberCreated;

/**
 * Turns the events of other modules into outbox rows, within their transactions. Who
 * hears about what is decided later, at fan-out; here only what can never be sent is left
 * out: invisible incidents, silent status changes, and whatever an event marks silent
 * ({@link io.cachet.shared.WriteMode#SILENT}: an import).
 */
@Component
class NotificationTriggers {

	private final Outbox outbox;

	NotificationTriggers(Outbox outbox) {
		this.outbox = outbox;
	}

	@EventListener
	void on(IncidentReported event) {
		if (event.silent()) {
			return;
		}
		if (event.visible()) {
			this.outbox.enqueue(NotificationKind.INCIDENT_CREATED, "incident_created:" + event.incidentId(),
					Map.of("incident_id", event.incidentId(), "notify", event.notifySubscribers()));
		}
	}

	@EventListener
	void on(IncidentUpdateReported event) {
		if (event.silent()) {
			return;
		}
		if (event.visible()) {
			this.outbox.enqueue(NotificationKind.INCIDENT_UPDATED, "incident_updated:" + event.updateId(),
					Map.of("incident_id", event.incidentId(), "update_id", event.updateId()));
		}
	}

	@EventListener
	void on(ComponentStatusChanged event) {
		if (!event.silent()) {
			long at = event.at().getEpochSecond() * 1_000_000 + event.at().getNano() / 1_000;
			this.outbox.enqueue(NotificationKind.COMPONENT_STATUS_CHANGED,
					"component_status_changed:" + event.componentId() + ":" + at + ":" + event.to().code(),
					Map.of("component_id", event.componentId(), "from", event.from().code(), "to", event.to().code(),
							"at", event.at().toString()));
		}
	}

	@EventListener
	void on(MaintenanceScheduled event) {
		if (event.silent()) {
			return;
		}
		this.outbox.enqueue(NotificationKind.MAINTENANCE_SCHEDULED, "maintenance_scheduled:" + event.scheduleId(),
				Map.of("schedule_id", event.scheduleId(), "notify", event.notifySubscribers()));
	}

	@EventListener
	void on(MaintenanceStatusChanged event) {
		if (event.to() == ScheduleStatus.IN_PROGRESS) {
			maintenanceStarted(event.scheduleId());
		}
		else if (event.to() == ScheduleStatus.COMPLETE) {
			maintenanceCompleted(event.scheduleId());
		}
	}

	@EventListener
	void on(SubscriberCreated event) {
		if (event.silent()) {
			return;
		}
		if (!event.verified()) {
			this.outbox.enqueue(NotificationKind.SUBSCRIPTION_VERIFY, "subscription_verify:" + event.subscriberId(),
					Map.of("subscriber_id", event.subscriberId()));
		}
	}

	@EventListener
	void on(ManageLinkRequested event) {
		this.outbox.enqueue(NotificationKind.SUBSCRIPTION_MANAGE, "subscription_manage:" + event.requestId(),
				Map.of("subscriber_id", event.subscriberId()));
	}

	void maintenanceStarted(long scheduleId) {
		this.outbox.enqueue(NotificationKind.MAINTENANCE_STARTED, "maintenance_started:" + scheduleId,
				Map.of("schedule_id", scheduleId));
	}

	void maintenanceCompleted(long scheduleId) {
		this.outbox.enqueue(NotificationKind.MAINTENANCE_COMPLETED, "maintenance_completed:" + scheduleId,
				Map.of("schedule_id", scheduleId));
	}

}
