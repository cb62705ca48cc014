package io.cachet.notification;

import java.time.Instant;
import java.util.List;

/**
 * A webhook. Its secret is not part of the view: it is shown once, when it is made.
 *
 * @param events the event names it takes when it does not take them all
 */
public record WebhookView(long id, String url, String description, WebhookFormat format, boolean sendAllEvents,
		List<String> events, boolean enabled, Instant createdAt, Instant updatedAt) {

}
