package io.cachet.notification;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

public record DeliveryAttemptView(int attempt, Instant attemptedAt, @Nullable Integer statusCode, int durationMs,
		@Nullable String error) {

}
