package io.cachet.subscriber;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A subscriber.
 *
 * @param global subscribed to every component, including those added later
 * @param verifiedAt when the address was confirmed; {@code null} until then
 * @param locale the language tag their e-mail is written in; {@code null} for the page's
 */
public record SubscriberView(long id, @Nullable String email, @Nullable String phoneNumber,
		@Nullable String slackWebhookUrl, String verifyCode, @Nullable Instant verifiedAt, boolean global,
		Instant createdAt, Instant updatedAt, List<SubscriptionView> subscriptions, @Nullable String locale) {

	public boolean isVerified() {
		return this.verifiedAt != null;
	}

}
