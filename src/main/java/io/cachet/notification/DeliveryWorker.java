package io.cachet.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
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
import io.cachet.notification.internal.OutboxRepository.PendingNotification;

/**
 * The background sender. One thread fans out pending notifications and takes due
 * deliveries in rounds ({@link SendingRound}); the sending itself runs on
 * {@code concurrency} threads, e-mail in batches over one SMTP connection each. The
 * application stops only once the messages being sent are finished, so a normal shutdown
 * leaves nothing half-sent.
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

	private final NotificationProperties properties;

	private final Clock clock;

	private final SendingRound round;

	private final AtomicBoolean woken = new AtomicBoolean();

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
		this.properties = properties;
		this.clock = clock;
		this.round = new SendingRound(outbox, email, webhooks, webhookService, properties, clock, metrics, node,
				(content) -> this.fanOut.readContent(content), this::wake);
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
				busy = fanOutPending() | this.round.sendDue(java.util.Objects.requireNonNull(this.senders));
			}
			catch (RuntimeException ex) {
				// perhaps between claiming deliveries and handing them over
				this.round.orphansLeft();
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

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
