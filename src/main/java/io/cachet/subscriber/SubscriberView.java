package io.cachet.subscriber;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A subscriber.
 *
 * @param global subscribed to every component, including those added later
 * @param verifiedAt when the address was confirmed; {@code null} until then
 */
public record SubscriberView(long id, @Nullable String email, @Nullable String phoneNumber,
		@Nullable String slackWebhookUrl, String verifyCode, @Nullable Instant verifiedAt, boolean global,
		Instant createdAt, Instant updatedAt, List<SubscriptionView> subscriptions) {

	public boolean isVerified() {
		return this.verifiedAt != null;
	}

}
