package io.cachet.api;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

import io.cachet.notification.WebhookView;
import io.cachet.subscriber.SubscriberView;
import io.cachet.subscriber.SubscriptionView;

/**
 * A subscriber in Cachet 2.4's shape. As Cachet's presenter does, {@code verified_at} is
 * text in PHP's {@code l jS F Y H:i:s} format ("Tuesday 24th November 2026 04:30:00").
 */
@JsonPropertyOrder({ "id", "email", "phone_number", "slack_webhook_url", "verify_code", "verified_at", "global",
		"created_at", "updated_at", "subscriptions" })
record SubscriberResponse(long id, @Nullable String email, @JsonProperty("phone_number") @Nullable String phoneNumber,
		@JsonProperty("slack_webhook_url") @Nullable String slackWebhookUrl,
		@JsonProperty("verify_code") String verifyCode, @JsonProperty("verified_at") @Nullable String verifiedAt,
		boolean global, @JsonProperty("created_at") @Nullable String createdAt,
		@JsonProperty("updated_at") @Nullable String updatedAt, List<Subscription> subscriptions) {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

	static SubscriberResponse of(SubscriberView subscriber, ApiTimes times) {
		return new SubscriberResponse(subscriber.id(), subscriber.email(), subscriber.phoneNumber(),
				// a Slack URL is its credential, and level-2 tokens list subscribers
				(subscriber.slackWebhookUrl() != null) ? WebhookView.redact(subscriber.slackWebhookUrl()) : null,
				subscriber.verifyCode(), phpLongDate(subscriber.verifiedAt(), times.zone()), subscriber.global(),
				times.format(subscriber.createdAt()), times.format(subscriber.updatedAt()),
				subscriber.subscriptions().stream().map((s) -> Subscription.of(s, times)).toList());
	}

	static @Nullable String phpLongDate(@Nullable Instant instant, ZoneId zone) {
		if (instant == null) {
			return null;
		}
		ZonedDateTime time = instant.atZone(zone);
		int day = time.getDayOfMonth();
		String suffix = (day % 100 >= 11 && day % 100 <= 13) ? "th" : switch (day % 10) {
			case 1 -> "st";
			case 2 -> "nd";
			case 3 -> "rd";
			default -> "th";
		};
		return time.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + day + suffix + " "
				+ time.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + time.getYear() + " "
				+ TIME.format(time);
	}

	@JsonPropertyOrder({ "id", "subscriber_id", "component_id", "created_at", "updated_at" })
	record Subscription(long id, @JsonProperty("subscriber_id") long subscriberId,
			@JsonProperty("component_id") long componentId, @JsonProperty("created_at") @Nullable String createdAt,
			@JsonProperty("updated_at") @Nullable String updatedAt) {

		static Subscription of(SubscriptionView subscription, ApiTimes times) {
			return new Subscription(subscription.id(), subscription.subscriberId(), subscription.componentId(),
					times.format(subscription.createdAt()), times.format(subscription.updatedAt()));
		}

	}

}
