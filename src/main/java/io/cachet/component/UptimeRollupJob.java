package io.cachet.component;

import io.cachet.shared.DaemonThreads;
import io.cachet.shared.DatabaseOutage;
import io.cachet.cluster.ClusterLocks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cachet.settings.SettingsService;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Rolls up the days of the uptime bars in the page's time zone: the missing ones shortly
 * after start-up, then each finished day a few minutes after midnight. Reads roll up what
 * they find missing themselves; this keeps the first page view after midnight from paying
 * for it.
 */
@Component
class UptimeRollupJob implements SmartLifecycle {

	static final int DAYS = 90;

	private static final Duration AFTER_MIDNIGHT = UptimeRollup.SETTLED.plusMinutes(1);

	private static final Logger logger = LoggerFactory.getLogger(UptimeRollupJob.class);

	private final ComponentUptimeService uptime;

	private final SettingsService settings;

	private final Clock clock;

	private @Nullable ScheduledExecutorService executor;

	private final ClusterLocks locks;

	UptimeRollupJob(ComponentUptimeService uptime, SettingsService settings, Clock clock, ClusterLocks locks) {
		this.locks = locks;
		this.uptime = uptime;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public void start() {
		ScheduledExecutorService scheduler = Executors
			.newSingleThreadScheduledExecutor(DaemonThreads.named("cachet-uptime-rollup"));
		this.executor = scheduler;
		scheduler.schedule(this::runAndReschedule, 2, TimeUnit.SECONDS);
	}

	@Override
	public void stop() {
		ScheduledExecutorService scheduler = this.executor;
		if (scheduler != null) {
			scheduler.shutdownNow();
		}
		this.executor = null;
	}

	@Override
	public boolean isRunning() {
		return this.executor != null;
	}

	void runAndReschedule() {
		ZoneId zone = java.time.ZoneOffset.UTC;
		try {
			zone = this.settings.site().timezone();
			ZoneId days = zone;
			// once per cluster (the roll-up is idempotent; the lock saves the others the
			// work)
			this.locks.runExclusively("uptime-rollup", java.time.Duration.ofMinutes(10), java.time.Duration.ZERO,
					() -> {
						int rolled = this.uptime.rollUpMissingDays(DAYS, days);
						if (rolled > 0) {
							logger.info("Rolled up {} day(s) of component uptime in {}", rolled, days);
						}
					});
		}
		catch (RuntimeException ex) {
			if (!DatabaseOutage.isOutage(ex)) {
				logger.warn("Rolling up component uptime failed; the page counts missing days itself: {}",
						ex.getMessage());
			}
		}
		ScheduledExecutorService scheduler = this.executor;
		if (scheduler != null && !scheduler.isShutdown()) {
			scheduler.schedule(this::runAndReschedule, untilNextRun(this.clock.instant(), zone).toMillis(),
					TimeUnit.MILLISECONDS);
		}
	}

	/**
	 * @return the time until a few minutes after the next midnight in {@code zone}
	 */
	static Duration untilNextRun(Instant now, ZoneId zone) {
		Instant next = LocalDate.ofInstant(now, zone).plusDays(1).atStartOfDay(zone).toInstant().plus(AFTER_MIDNIGHT);
		return Duration.between(now, next);
	}

}
