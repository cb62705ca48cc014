package io.cachet.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import io.cachet.notification.DeliveryAttemptView;
import io.cachet.notification.DeliveryView;

/**
 * One delivery of a webhook with its attempts: status code, time, duration, error.
 */
record WebhookDeliveryResponse(long id, @JsonProperty("notification_id") long notificationId, String event,
		String status, int attempts, @JsonProperty("last_status_code") @Nullable Integer lastStatusCode,
		@JsonProperty("last_error") @Nullable String lastError,
		@JsonProperty("last_attempt_at") @Nullable String lastAttemptAt,
		@JsonProperty("sent_at") @Nullable String sentAt,
		@JsonProperty("next_attempt_at") @Nullable String nextAttemptAt, List<Attempt> log) {

	static WebhookDeliveryResponse of(DeliveryView delivery, List<DeliveryAttemptView> attempts, ApiTimes times) {
		return new WebhookDeliveryResponse(delivery.id(), delivery.notificationId(), delivery.event(),
				delivery.status(), delivery.attempts(), delivery.lastStatusCode(), delivery.lastError(),
				times.format(delivery.lastAttemptAt()), times.format(delivery.sentAt()),
				delivery.status().equals("queued") ? times.format(delivery.nextAttemptAt()) : null,
				attempts.stream()
					.map((attempt) -> new Attempt(attempt.attempt(), times.format(attempt.attemptedAt()),
							attempt.statusCode(), attempt.durationMs(), attempt.error()))
					.toList());
	}

	record Attempt(int attempt, @JsonProperty("attempted_at") @Nullable String attemptedAt,
			@JsonProperty("status_code") @Nullable Integer statusCode, @JsonProperty("duration_ms") int durationMs,
			@Nullable String error) {

	}

}
