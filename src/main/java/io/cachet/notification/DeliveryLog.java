package io.cachet.notification;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.cachet.notification.internal.DeliveryLogRepository;
import io.cachet.shared.PageResult;

/**
 * Where deliveries stand, for the dashboard and the API, and sending failed ones again.
 */
@Service
public class DeliveryLog {

	private final DeliveryLogRepository log;

	private final DeliveryWorker worker;

	private final WebhookService webhooks;

	private final Clock clock;

	DeliveryLog(DeliveryLogRepository log, DeliveryWorker worker, WebhookService webhooks, Clock clock) {
		this.log = log;
		this.worker = worker;
		this.webhooks = webhooks;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<NotificationSummary> recentNotifications(int limit) {
		return this.log.recent(limit);
	}

	/**
	 * @return the deliveries of a notification that have not been sent (queued, failed,
	 * cancelled), first 500
	 */
	@Transactional(readOnly = true)
	public List<DeliveryView> unsent(long notificationId) {
		return this.log.forNotification(notificationId, List.of("queued", "sending", "failed", "cancelled"), 500);
	}

	/**
	 * @throws WebhookNotFoundException for an unknown webhook
	 */
	@Transactional(readOnly = true)
	public PageResult<DeliveryView> webhookDeliveries(long webhookId, int page, int perPage) {
		this.webhooks.getWebhook(webhookId);
		long total = this.log.countForWebhook(webhookId);
		return new PageResult<>(this.log.forWebhook(webhookId, (page - 1) * perPage, perPage), total, page, perPage);
	}

	@Transactional(readOnly = true)
	public List<DeliveryAttemptView> attempts(long deliveryId) {
		return this.log.attempts(deliveryId);
	}

	@Transactional(readOnly = true)
	public Map<String, Long> countsByStatus() {
		return this.log.countsByStatus();
	}

	/**
	 * Queues this notification's failed deliveries again, with a fresh set of attempts.
	 * @return how many
	 */
	@Transactional
	public int retryFailed(long notificationId) {
		int queued = this.log.retryFailed(notificationId, this.clock.instant().truncatedTo(ChronoUnit.MICROS));
		this.worker.wake();
		return queued;
	}

	@Transactional
	public boolean retry(long deliveryId) {
		boolean queued = this.log.retry(deliveryId, this.clock.instant().truncatedTo(ChronoUnit.MICROS)) > 0;
		this.worker.wake();
		return queued;
	}

}
