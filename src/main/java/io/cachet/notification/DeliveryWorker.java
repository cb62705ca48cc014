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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import io.cachet.shared.DaemonThreads;
import io.cachet.shared.DatabaseOutage;
import io.cachet.cluster.ClusterProperties;
import io.cachet.notification.internal.OutboxRepository;
import io.cachet.notification.internal.OutboxRepository.DeliveryTask;
import io.cachet.notification.internal.OutboxRepository.PendingNotification;

/**
 * The background sender. One thread fans out pending notifications and takes due
 * deliveries in rounds; the sending itself runs on {@code concurrency} threads, e-mail in
 * batches over one SMTP connection each. The application stops only once the messages
 * being sent are finished, so a normal shutdown leaves nothing half-sent.
 * <p>
 * A thread of its own rather than a {@code @Scheduled} job: it is woken at once when a
 * notification is written (a fixed-delay job would wait for its next tick), it sleeps
 * until the next due retry rather than a fixed interval, and its stop waits for the
 * messages in flight in its own lifecycle phase, which the task scheduler's shutdown
 * (cancel, then interrupt) does not do.
 * <p>
 * A hard crash (kill -9, power loss) is survived thus:
 * <ul>
 * <li>Every delivery is recorded as sent in its own transaction the moment the server has
 * taken it, before the sender hands over its next message. What can go out twice after a
 * crash is the message each sender was handing over at that moment: at most
 * {@code concurrency} messages, each with the same {@code Message-ID} as the first time
 * ({@link EmailChannel#messageId}), so receivers can drop the copy. (One transaction per
 * message costs a small update by primary key; grouping them would widen the window to
 * everything sent since the last group.)</li>
 * <li>Claims are held under this node's stable id ({@link NodeIdentity}); a node starting
 * up takes its own unfinished claims back at once, and when it runs alone everything left
 * being sent.</li>
 * <li>In a cluster, a node renews the lease of its claims every third of
 * {@code claimLease} (30 s by default) while it runs, and every node gives back to the
 * queue, as often, claims whose lease ran out: a dead node's deliveries are taken over
 * within about 40 s.</li>
 * </ul>
 */
@Component
class DeliveryWorker implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(DeliveryWorker.class);

	private final OutboxRepository outbox;

	private final FanOut fanOut;

	private final EmailChannel email;

	private final WebhookChannel webhooks;

	private final WebhookService webhookService;

	private final NotificationProperties properties;

	private final Clock clock;

	private final NotificationMetrics metrics;

	private final AtomicBoolean woken = new AtomicBoolean();

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

	private long lastPrune = System.nanoTime() - Duration.ofHours(2).toNanos();

	private final boolean clustered;

	private final NodeIdentity node;

	private @Nullable ScheduledExecutorService leases;

	private volatile boolean running;

	private @Nullable Thread thread;

	private @Nullable ExecutorService senders;

	@Autowired
	DeliveryWorker(OutboxRepository outbox, @Lazy FanOut fanOut, EmailChannel email, WebhookChannel webhooks,
			WebhookService webhookService, NotificationProperties properties, Clock clock, NotificationMetrics metrics,
			NodeIdentity node, ClusterProperties cluster) {
		this(outbox, fanOut, email, webhooks, webhookService, properties, clock, metrics, node, cluster.enabled());
	}

	DeliveryWorker(OutboxRepository outbox, FanOut fanOut, EmailChannel email, WebhookChannel webhooks,
			WebhookService webhookService, NotificationProperties properties, Clock clock, NotificationMetrics metrics,
			NodeIdentity node, boolean clustered) {
		this.clustered = clustered;
		this.node = node;
		this.outbox = outbox;
		this.fanOut = fanOut;
		this.email = email;
		this.webhooks = webhooks;
		this.webhookService = webhookService;
		this.properties = properties;
		this.clock = clock;
		this.metrics = metrics;
	}

	/**
	 * Makes the worker look for work now rather than at its next poll.
	 */
	void wake() {
		this.woken.set(true);
		Thread current = this.thread;
		if (current != null) {
			LockSupport.unpark(current);
		}
	}

	@Override
	public void start() {
		if (!this.properties.enabled()) {
			return;
		}
		// This node is sending nothing yet: what it holds was left by its last run.
		// Alone,
		// whatever is being sent was left by a last run (perhaps under another id); in a
		// cluster, other nodes' claims go back only once their lease has run out.
		int requeued = this.outbox.releaseClaimsOf(this.node.id()) + this.outbox
			.requeueInFlight(this.clustered ? now().minus(this.properties.claimLease()) : now().plusSeconds(1));
		if (requeued > 0) {
			logger.warn("Queued {} deliveries again that were being sent when the application last stopped", requeued);
		}
		this.senders = Executors.newFixedThreadPool(Math.max(1, this.properties.concurrency()),
				DaemonThreads.named("cachet-sender-"));
		if (this.clustered) {
			long period = Math.max(1, this.properties.claimLease().toMillis() / 3);
			ScheduledExecutorService scheduler = Executors
				.newSingleThreadScheduledExecutor(DaemonThreads.named("cachet-claim-lease-"));
			scheduler.scheduleWithFixedDelay(this::keepLeases, period, period, TimeUnit.MILLISECONDS);
			this.leases = scheduler;
		}
		this.running = true;
		Thread loop = DaemonThreads.named("cachet-delivery").newThread(this::loop);
		this.thread = loop;
		loop.start();
	}

	@Override
	public void stop() {
		this.running = false;
		Thread loop = this.thread;
		if (loop != null) {
			LockSupport.unpark(loop);
			try {
				loop.join(60_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		ExecutorService pool = this.senders;
		if (pool != null) {
			// let the messages being sent finish and be recorded
			pool.shutdown();
			try {
				pool.awaitTermination(60, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		// only now, so that what the senders were finishing stays leased to the end
		ScheduledExecutorService scheduler = this.leases;
		if (scheduler != null) {
			scheduler.shutdownNow();
			this.leases = null;
		}
		this.thread = null;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		// stop early in shutdown, while the database is still there
		return Integer.MAX_VALUE - 1000;
	}

	private void loop() {
		while (this.running) {
			boolean busy = false;
			try {
				pruneHourly();
				busy = fanOutPending() | sendDue();
			}
			catch (RuntimeException ex) {
				// perhaps between claiming deliveries and handing them over
				this.orphans.set(true);
				// an outage is logged once by DatabaseOutage, not every poll
				if (!DatabaseOutage.isOutage(ex)) {
					logger.warn("Delivering notifications failed; trying again shortly: {}", ex.getMessage());
				}
			}
			if (!busy && this.running && !this.woken.getAndSet(false)) {
				LockSupport.parkNanos(this.properties.pollInterval().toNanos());
			}
		}
	}

	/**
	 * In a cluster: renews the lease of what this node is sending, and gives back to the
	 * queue what another node took and stopped renewing (it died while sending). Runs on
	 * its own thread, so that a long fan-out on the worker's thread cannot let this
	 * node's own leases run out.
	 */
	private void keepLeases() {
		try {
			Instant now = now();
			this.outbox.renewClaims(this.node.id(), now);
			int requeued = this.outbox.requeueInFlight(now.minus(this.properties.claimLease()));
			if (requeued > 0) {
				logger.warn("Queued {} deliveries again that another node took and did not finish", requeued);
				wake();
			}
		}
		catch (RuntimeException ex) {
			logger.debug("Could not renew the claims of this node: {}", ex.getMessage());
		}
	}

	/**
	 * Once an hour, forgets notifications older than the retention that have nothing left
	 * to send, so the log does not grow without limit.
	 */
	private void pruneHourly() {
		long now = System.nanoTime();
		if (now - this.lastPrune >= Duration.ofHours(1).toNanos()) {
			this.lastPrune = now;
			int pruned = this.outbox.pruneBefore(this.clock.instant().minus(this.properties.retention()));
			if (pruned > 0) {
				logger.info("Deleted {} notifications older than {} with their delivery log", pruned,
						this.properties.retention());
			}
		}
	}

	private boolean fanOutPending() {
		List<PendingNotification> pending = this.outbox.findPending(20);
		for (PendingNotification notification : pending) {
			int queued = this.fanOut.fanOut(notification);
			logger.debug("Notification {} ({}) queued for {} recipients", notification.id(), notification.kind(),
					queued);
		}
		return !pending.isEmpty();
	}

	/**
	 * Takes as many due deliveries as there is room for and hands them to the senders
	 * without waiting for them: the senders stay busy while the next ones are taken.
	 * @return whether anything was taken
	 */
	private boolean sendDue() {
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
		ExecutorService pool = java.util.Objects.requireNonNull(this.senders);
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
				wake();
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
			DeliveryWorker.this.outbox.markSent(task.id(), null, now());
			DeliveryWorker.this.metrics.sent("email", 1);
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
		NotificationContent parsed = Outbox.JSON.readValue(task.content(), NotificationContent.class);
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
