package io.cachet.notification;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

import io.cachet.notification.internal.OutboxRepository;
import io.cachet.notification.internal.OutboxRepository.Depth;
import io.cachet.shared.CachedValue;

/**
 * The outbox's meters: {@code cachet.outbox.depth} (what waits, by {@code kind}:
 * {@code notifications_pending}, {@code deliveries_queued}, {@code deliveries_sending};
 * read from the database at most every 10 seconds, the same on every node of a cluster)
 * and {@code cachet.deliveries} (delivery attempts by {@code channel}, {@code email} or
 * {@code webhook}, and {@code outcome}, {@code sent} or {@code failed}).
 */
@Component
class NotificationMetrics {

	private static final Depth UNKNOWN = new Depth(-1, -1, -1);

	private final Counter emailsSent;

	private final Counter emailsFailed;

	private final Counter webhooksSent;

	private final Counter webhooksFailed;

	NotificationMetrics(MeterRegistry registry, OutboxRepository outbox) {
		this.emailsSent = deliveries(registry, "email", "sent");
		this.emailsFailed = deliveries(registry, "email", "failed");
		this.webhooksSent = deliveries(registry, "webhook", "sent");
		this.webhooksFailed = deliveries(registry, "webhook", "failed");
		var depth = new CachedValue<>(Duration.ofSeconds(10), UNKNOWN, outbox::depth);
		depthGauge(registry, "notifications_pending", () -> depth.get().pendingNotifications());
		depthGauge(registry, "deliveries_queued", () -> depth.get().queuedDeliveries());
		depthGauge(registry, "deliveries_sending", () -> depth.get().sendingDeliveries());
	}

	private static Counter deliveries(MeterRegistry registry, String channel, String outcome) {
		return Counter.builder("cachet.deliveries")
			.description("Delivery attempts of notifications")
			.tag("channel", channel)
			.tag("outcome", outcome)
			.register(registry);
	}

	private static void depthGauge(MeterRegistry registry, String kind, java.util.function.LongSupplier value) {
		Gauge.builder("cachet.outbox.depth", () -> {
			long count = value.getAsLong();
			return (count < 0) ? Double.NaN : count;
		})
			.description("Notifications and deliveries waiting to be sent (NaN when the database cannot be read)")
			.tag("kind", kind)
			.register(registry);
	}

	void sent(String channel, int count) {
		if (count > 0) {
			("email".equals(channel) ? this.emailsSent : this.webhooksSent).increment(count);
		}
	}

	void failed(String channel) {
		("email".equals(channel) ? this.emailsFailed : this.webhooksFailed).increment();
	}

}
