package io.cachet.upstream;

import io.cachet.shared.DaemonThreads;
import io.cachet.shared.DatabaseOutage;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.cachet.upstream.UpstreamFeed.InvalidFeedException;
import io.cachet.upstream.UpstreamFeed.Parsed;
import io.cachet.upstream.internal.UpstreamRepository;

/**
 * Fetches every enabled upstream when its interval has passed since its last fetch (a new
 * one at the next tick). Fetches run on {@code concurrency} threads, each upstream at
 * most once at a time, so a slow page holds one thread only, for at most its timeouts.
 * The tick is a {@code @Scheduled} job ({@code cachet.upstreams.tick}); the lock is taken
 * per upstream, through ShedLock's executor, since its name and length depend on the
 * upstream.
 */
@Component
class UpstreamPoller {

	private static final Logger logger = LoggerFactory.getLogger(UpstreamPoller.class);

	private final UpstreamRepository upstreams;

	private final UpstreamFetcher fetcher;

	private final UpstreamSync sync;

	private final UpstreamProperties properties;

	private final Clock clock;

	private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();

	private final ExecutorService workers;

	private final LockingTaskExecutor locks;

	private final DatabaseOutage database;

	UpstreamPoller(UpstreamRepository upstreams, UpstreamFetcher fetcher, UpstreamSync sync,
			UpstreamProperties properties, Clock clock, LockingTaskExecutor locks, DatabaseOutage database) {
		this.database = database;
		this.locks = locks;
		this.upstreams = upstreams;
		this.fetcher = fetcher;
		this.sync = sync;
		this.properties = properties;
		this.clock = clock;
		this.workers = Executors.newFixedThreadPool(Math.max(1, properties.concurrency()),
				DaemonThreads.named("cachet-upstream-"));
	}

	/**
	 * Fetches stop when the context starts closing, with the scheduler's ticks, not when
	 * the database they write to is already gone.
	 */
	@EventListener(ContextClosedEvent.class)
	void stop() {
		this.workers.shutdownNow();
	}

	@Scheduled(initialDelayString = "${cachet.upstreams.tick:1s}", fixedDelayString = "${cachet.upstreams.tick:1s}")
	void tick() {
		if (!this.properties.enabled() || this.workers.isShutdown() || this.database.isDown()) {
			return;
		}
		try {
			Instant now = this.clock.instant();
			for (UpstreamView upstream : this.upstreams.findEnabled()) {
				if (isDue(upstream, now) && this.inFlight.add(upstream.id())) {
					this.workers.execute(() -> pollOnce(upstream));
				}
			}
		}
		catch (RejectedExecutionException ex) {
			// shutting down
		}
		catch (RuntimeException ex) {
			if (!this.database.report(ex)) {
				logger.warn("Looking for upstreams to fetch failed; trying again shortly: {}", ex.getMessage());
			}
		}
	}

	/**
	 * One node of a cluster fetches an upstream per interval: the lock is named after the
	 * upstream and held for about its interval.
	 */
	private void pollOnce(UpstreamView upstream) {
		Duration interval = Duration.ofSeconds(upstream.intervalSeconds());
		LockConfiguration lock = new LockConfiguration(Instant.now(), "upstream-" + upstream.id(),
				interval.plusSeconds(60), interval.minusMillis(Math.min(1000, interval.toMillis() / 2)));
		AtomicBoolean ran = new AtomicBoolean();
		this.locks.executeWithLock((Runnable) () -> {
			ran.set(true);
			poll(upstream);
		}, lock);
		if (!ran.get()) {
			this.inFlight.remove(upstream.id());
		}
	}

	private static boolean isDue(UpstreamView upstream, Instant now) {
		Instant last = upstream.lastPolledAt();
		return last == null || !now.isBefore(last.plusSeconds(upstream.intervalSeconds()));
	}

	private void poll(UpstreamView upstream) {
		try {
			Parsed feed;
			try {
				feed = this.fetcher.fetch(upstream.url(), upstream.kind());
			}
			catch (IOException | InvalidFeedException ex) {
				String message = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
				logger.debug("Upstream {} ({}) failed: {}", upstream.id(), upstream.url(), message);
				this.sync.applyFailure(upstream.id(), message);
				return;
			}
			this.sync.applySuccess(upstream.id(), feed);
		}
		catch (RuntimeException ex) {
			if (this.database.report(ex)) {
				return;
			}
			logger.warn("Applying upstream {} failed: {}", upstream.id(), ex.getMessage());
			try {
				this.sync.applyFailure(upstream.id(), "Could not apply the answer");
			}
			catch (RuntimeException again) {
				// the database is away; the next tick tries again
			}
		}
		finally {
			this.inFlight.remove(upstream.id());
		}
	}

}
