package io.cachet.notification;

import java.time.Instant;

/**
 * A notification with how its deliveries stand.
 *
 * @param state {@code pending} (not fanned out yet), {@code done} or {@code skipped}
 * @param title what it is about, once fanned out
 */
public record NotificationSummary(long id, String event, String title, String state, Instant createdAt, int queued,
		int sent, int failed, int cancelled) {

	public int total() {
		return this.queued + this.sent + this.failed + this.cancelled;
	}

}
