package io.cachet.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cachet.notification.internal.OutboxRepository;
import io.cachet.notification.internal.OutboxRepository.DeliveryTask;

/**
 * One round of sending for the {@link DeliveryWorker}: claims due deliveries, hands them
 * to the sender threads (e-mail in batches per notification, webhooks one by one) and
 * records each outcome, with its retry, the moment it is known. Called on the worker's
 * one thread; the sending runs on the pool it is given.
 */
final class SendingRound {

	// under the worker's name, as before the round had a class of its own
	private static final Logger logger = LoggerFactory.getLogger(DeliveryWorker.class);

	private final OutboxRepository outbox;

	private final EmailChannel email;

	private final WebhookChannel webhooks;

	private final WebhookService webhookService;

	private final NotificationProperties properties;

	private final Clock clock;

	private final NotificationMetrics metrics;

	private final NodeIdentity node;

	/** Run when a sender finishes, so the worker takes the next round at once. */
	private final Runnable onFinished;

	private final java.util.function.Function<String, NotificationContent> contentReader;

	/**
	 * Whether a batch failed in a way that may have left claims of this node unrecorded.
	 */
	private final AtomicBoolean orphans = new AtomicBoolean();

	private final Map<Long, NotificationContent> contents = Collections
		.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<Long, NotificationContent> eldest) {
				return size() > 256;
			}
		});

	/** Deliveries handed to the senders and not finished yet. */
	private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();

	private final java.util.concurrent.atomic.AtomicLong lastWarning = new java.util.concurrent.atomic.AtomicLong(
			System.nanoTime() - Duration.ofHours(1).toNanos());

	SendingRound(OutboxRepository outbox, EmailChannel email, WebhookChannel webhooks, WebhookService webhookService,
			NotificationProperties properties, Clock clock, NotificationMetrics metrics, NodeIdentity node,
			java.util.function.Function<String, NotificationContent> contentReader, Runnable onFinished) {
		this.outbox = outbox;
		this.contentReader = contentReader;
		this.email = email;
		this.webhooks = webhooks;
		this.webhookService = webhookService;
		this.properties = properties;
		this.clock = clock;
		this.metrics = metrics;
		this.node = node;
		this.onFinished = onFinished;
	}

	/**
	 * Notes that a round failed in a way that may have left claims of this node
	 * unrecorded (perhaps between claiming deliveries and handing them over); they are
	 * given back to the queue once nothing is in flight.
	 */
	void orphansLeft() {
		this.orphans.set(true);
	}

	/**
	 * Takes as many due deliveries as there is room for and hands them to the senders
	 * without waiting for them: the senders stay busy while the next ones are taken.
	 * @return whether anything was taken
	 */
	boolean sendDue(ExecutorService pool) {
		releaseOrphans();
		int batch = Math.max(1, this.properties.batchSize());
		int room = 2 * batch * Math.max(1, this.properties.concurrency()) - this.inFlight.get();
		if (room < batch) {
			return false;
		}
		List<Long> claimed = this.outbox.claimDue(now(), room, java.util.UUID.randomUUID().toString(), this.node.id());
		if (claimed.isEmpty()) {
			return false;
		}
		Map<Long, List<DeliveryTask>> emailsByNotification = new LinkedHashMap<>();
		Map<Long, NotificationContent> roundContents = new LinkedHashMap<>();
		for (DeliveryTask task : this.outbox.loadTasks(claimed)) {
			NotificationContent content = content(task);
			if (content == null) {
				this.outbox.markCancelled(task.id(), "The notification has nothing to send");
			}
			else if (task.channel().equals("email")) {
				if (task.email() == null || task.verifyCode() == null) {
					this.outbox.markCancelled(task.id(), "The subscriber no longer exists");
				}
				else {
					emailsByNotification.computeIfAbsent(task.notificationId(), (id) -> new ArrayList<>()).add(task);
					roundContents.put(task.notificationId(), content);
				}
			}
			else {
				submit(pool, 1, () -> callWebhook(task, content));
			}
		}
		emailsByNotification.forEach((notificationId, tasks) -> {
			NotificationContent content = roundContents.get(notificationId);
			for (int from = 0; from < tasks.size(); from += batch) {
				List<DeliveryTask> chunk = tasks.subList(from, Math.min(tasks.size(), from + batch));
				submit(pool, chunk.size(), () -> sendEmails(chunk, content));
			}
		});
		return true;
	}

	/**
	 * Gives back to the queue what this node took and a failed batch left unrecorded.
	 * Only when nothing is in flight: everything this node holds is then such a leftover,
	 * since it claims and hands over on this one thread.
	 */
	private void releaseOrphans() {
		if (this.inFlight.get() == 0 && this.orphans.getAndSet(false)) {
			try {
				this.outbox.releaseClaimsOf(this.node.id());
			}
			catch (RuntimeException ex) {
				this.orphans.set(true);
				throw ex;
			}
		}
	}

	private void submit(ExecutorService pool, int deliveries, Runnable work) {
		this.inFlight.addAndGet(deliveries);
		pool.execute(() -> {
			try {
				work.run();
			}
			catch (RuntimeException ex) {
				// some of it may not be recorded (the database went away): given back to
				// the queue once nothing else is in flight (releaseOrphans)
				this.orphans.set(true);
				logger.warn("A delivery batch failed: {}", ex.getMessage());
			}
			finally {
				this.inFlight.addAndGet(-deliveries);
				this.onFinished.run();
			}
		});
	}

	private void sendEmails(List<DeliveryTask> tasks, NotificationContent content) {
		EmailOutcome outcome = new EmailOutcome();
		try {
			this.email.send(tasks, content, outcome);
		}
		catch (RuntimeException ex) {
			// could not even write them: a failed attempt for each one not answered yet
			for (DeliveryTask task : tasks) {
				if (!outcome.answered.contains(task.id())) {
					outcome.failed(task, ex);
				}
			}
		}
		Exception first = outcome.firstFailure;
		if (first != null) {
			warnAtMostEveryMinute("{} of {} e-mails were not accepted by the mail server (they are retried): {}",
					outcome.failures, tasks.size(), first.getMessage());
		}
	}

	/**
	 * Records each e-mail the moment the server has answered for it; used by one sender
	 * thread.
	 */
	private final class EmailOutcome implements EmailChannel.Outcome {

		private final Set<Long> answered = new HashSet<>();

		private int failures;

		private @Nullable Exception firstFailure;

		@Override
		public void accepted(DeliveryTask task) {
			this.answered.add(task.id());
			SendingRound.this.outbox.markSent(task.id(), null, now());
			SendingRound.this.metrics.sent("email", 1);
		}

		@Override
		public void failed(DeliveryTask task, Exception error) {
			this.answered.add(task.id());
			this.failures++;
			if (this.firstFailure == null) {
				this.firstFailure = error;
			}
			recordFailure(task, null, describe(error), now());
		}

	}

	private void callWebhook(DeliveryTask task, NotificationContent content) {
		WebhookView webhook;
		try {
			webhook = this.webhookService.getWebhook(task.recipientId());
		}
		catch (WebhookNotFoundException ex) {
			this.outbox.markCancelled(task.id(), "The webhook was deleted");
			return;
		}
		WebhookChannel.Result result = this.webhooks.call(webhook, task.id(), task.notificationId(), content);
		Instant now = now();
		this.outbox.logAttempt(task.id(), now, result.statusCode(), result.durationMs(), result.error());
		if (result.success()) {
			this.outbox.markSent(task.id(), result.statusCode(), now);
			this.metrics.sent("webhook", 1);
		}
		else {
			recordFailure(task, result.statusCode(), java.util.Objects.requireNonNullElse(result.error(), "failed"),
					now);
		}
	}

	/**
	 * A mail server that is down fails every batch: say so once a minute, not per batch.
	 */
	private void warnAtMostEveryMinute(String message, Object... arguments) {
		long now = System.nanoTime();
		long last = this.lastWarning.get();
		if (now - last > Duration.ofMinutes(1).toNanos() && this.lastWarning.compareAndSet(last, now)) {
			logger.warn(message, arguments);
		}
		else {
			logger.debug(message, arguments);
		}
	}

	private void recordFailure(DeliveryTask task, @Nullable Integer statusCode, String error, Instant now) {
		this.metrics.failed(task.channel());
		int failedAttempts = task.attempts() + 1;
		Instant retryAt = (failedAttempts >= this.properties.maxAttempts()) ? null
				: now.plus(this.properties.backOff(failedAttempts));
		this.outbox.markAttemptFailed(task.id(), retryAt, statusCode, error, now);
	}

	private @Nullable NotificationContent content(DeliveryTask task) {
		NotificationContent cached = this.contents.get(task.notificationId());
		if (cached != null || task.content() == null) {
			return cached;
		}
		NotificationContent parsed = this.contentReader.apply(task.content());
		this.contents.put(task.notificationId(), parsed);
		return parsed;
	}

	private static String describe(Exception error) {
		Throwable root = error;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = (root.getMessage() != null) ? root.getMessage() : root.getClass().getSimpleName();
		return (root == error) ? message : error.getClass().getSimpleName() + ": " + message;
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
