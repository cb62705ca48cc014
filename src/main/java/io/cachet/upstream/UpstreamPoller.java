package io.cachet.upstream;

import io.cachet.shared.DaemonThreads;
import io.cachet.shared.DatabaseOutage;
import io.cachet.cluster.ClusterLocks;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.cachet.upstream.UpstreamFeed.InvalidFeedException;
import io.cachet.upstream.UpstreamFeed.Parsed;
import io.cachet.upstream.internal.UpstreamRepository;

/**
 * Fetches every enabled upstream when its interval has passed since its last fetch (a new
 * one at the next tick). Fetches run on {@code concurrency} threads, each upstream at
 * most once at a time, so a slow page holds one thread only, for at most its timeouts.
 */
@Component
class UpstreamPoller implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(UpstreamPoller.class);

	private final UpstreamRepository upstreams;

	private final UpstreamFetcher fetcher;

	private final UpstreamSync sync;

	private final UpstreamProperties properties;

	private final Clock clock;

	private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();

	private @Nullable ScheduledExecutorService scheduler;

	private @Nullable ExecutorService workers;

	private final ClusterLocks locks;

	private final DatabaseOutage database;

	UpstreamPoller(UpstreamRepository upstreams, UpstreamFetcher fetcher, UpstreamSync sync,
			UpstreamProperties properties, Clock clock, ClusterLocks locks, DatabaseOutage database) {
		this.database = database;
		this.locks = locks;
		this.upstreams = upstreams;
		this.fetcher = fetcher;
		this.sync = sync;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public void start() {
		if (!this.properties.enabled()) {
			return;
		}
		this.workers = Executors.newFixedThreadPool(Math.max(1, this.properties.concurrency()),
				DaemonThreads.named("cachet-upstream-"));
		ScheduledExecutorService ticker = Executors
			.newSingleThreadScheduledExecutor(DaemonThreads.named("cachet-upstream-poll"));
		long tick = Math.max(10, this.properties.tick().toMillis());
		ticker.scheduleWithFixedDelay(this::tick, tick, tick, TimeUnit.MILLISECONDS);
		this.scheduler = ticker;
	}

	@Override
	public void stop() {
		ScheduledExecutorService ticker = this.scheduler;
		ExecutorService pool = this.workers;
		if (ticker != null) {
			ticker.shutdownNow();
		}
		if (pool != null) {
			pool.shutdownNow();
		}
		this.scheduler = null;
		this.workers = null;
	}

	@Override
	public boolean isRunning() {
		return this.scheduler != null;
	}

	void tick() {
		ExecutorService pool = this.workers;
		if (pool == null || this.database.isDown()) {
			return;
		}
		try {
			Instant now = this.clock.instant();
			for (UpstreamView upstream : this.upstreams.findEnabled()) {
				if (isDue(upstream, now) && this.inFlight.add(upstream.id())) {
					// one node of a cluster fetches an upstream per interval
					Duration interval = Duration.ofSeconds(upstream.intervalSeconds());
					pool.execute(() -> {
						boolean ran = this.locks.runExclusively("upstream-" + upstream.id(), interval.plusSeconds(60),
								interval.minusMillis(Math.min(1000, interval.toMillis() / 2)), () -> poll(upstream));
						if (!ran) {
							this.inFlight.remove(upstream.id());
						}
					});
				}
			}
		}
		catch (RuntimeException ex) {
			if (!this.database.report(ex)) {
				logger.warn("Looking for upstreams to fetch failed; trying again shortly: {}", ex.getMessage());
			}
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
