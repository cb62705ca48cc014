package io.cachet.notification;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a notification is about. The names are the event names webhooks subscribe to and
 * receive.
 */
public enum NotificationKind {

	INCIDENT_CREATED("incident_created"), INCIDENT_UPDATED("incident_updated"),
	COMPONENT_STATUS_CHANGED("component_status_changed"), MAINTENANCE_SCHEDULED("maintenance_scheduled"),
	MAINTENANCE_STARTED("maintenance_started"), MAINTENANCE_COMPLETED("maintenance_completed"),
	/** the e-mail asking a new subscriber to confirm their address */
	SUBSCRIPTION_VERIFY("subscription_verify"),
	/** the e-mail with the link to manage a subscription */
	SUBSCRIPTION_MANAGE("subscription_manage");

	/** The kinds webhooks can subscribe to. */
	public static final List<NotificationKind> EVENTS = List.of(INCIDENT_CREATED, INCIDENT_UPDATED,
			COMPONENT_STATUS_CHANGED, MAINTENANCE_SCHEDULED, MAINTENANCE_STARTED, MAINTENANCE_COMPLETED);

	private final String eventName;

	NotificationKind(String eventName) {
		this.eventName = eventName;
	}

	public String eventName() {
		return this.eventName;
	}

	public boolean isEvent() {
		return EVENTS.contains(this);
	}

	public boolean isMaintenance() {
		return this == MAINTENANCE_SCHEDULED || this == MAINTENANCE_STARTED || this == MAINTENANCE_COMPLETED;
	}

	public static Optional<NotificationKind> fromEventName(String name) {
		return Arrays.stream(values()).filter((kind) -> kind.eventName.equals(name)).findFirst();
	}

}
