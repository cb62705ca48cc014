package io.cachet.notification;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a notification says, fixed when it is fanned out so that every recipient reads the
 * same thing however long the sending takes.
 *
 * @param statusKey the message key of the status ({@code incident.status.2}), for the
 * reader's language
 * @param statusName the status in English, for webhooks
 * @param colour the theme colour the status is shown in ({@code reds}, {@code greens},
 * ...)
 * @param previousStatusKey for a component's change, the status it had before
 * @param url the page to read more on
 * @param at when it happened (or starts, for maintenance)
 * @param endsAt a maintenance window's planned end
 * @param subscriberId for the verify and manage e-mails, whom they are for
 */
public record NotificationContent(String kind, long subjectId, String title, int statusCode, String statusKey,
		String statusName, String colour, @Nullable String previousStatusKey, @Nullable String previousStatusName,
		String message, String url, List<ComponentName> components, Instant at, @Nullable Instant endsAt,
		@Nullable Long subscriberId) {

	public record ComponentName(long id, String name) {

	}

}
