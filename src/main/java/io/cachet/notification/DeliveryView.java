package io.cachet.notification;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One message to one recipient and where it stands.
 *
 * @param status {@code queued}, {@code sending}, {@code sent}, {@code failed} or
 * {@code cancelled}
 * @param recipient the subscriber's address or the webhook's URL
 */
public record DeliveryView(long id, long notificationId, String event, String channel, long recipientId,
		String recipient, String status, int attempts, @Nullable Integer lastStatusCode, @Nullable String lastError,
		@Nullable Instant lastAttemptAt, @Nullable Instant sentAt, Instant nextAttemptAt) {

}
