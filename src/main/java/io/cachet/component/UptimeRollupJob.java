package io.cachet.component;

import io.cachet.shared.DatabaseOutage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cachet.settings.SettingsService;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Rolls up the days of the uptime bars in the page's time zone: the missing ones shortly
 * after start-up, then each finished day a few minutes after midnight. Reads roll up what
 * they find missing themselves; this keeps the first page view after midnight from paying
 * for it.
 * <p>
 * A trigger task on the application's task scheduler rather than a {@code @Scheduled}
 * cron: the time zone is a setting that can change while the application runs. The lock
 * is taken through ShedLock's executor, since {@code @SchedulerLock} only guards calls
 * made through the bean's proxy and a trigger task calls the method itself.
 */
@Component
class UptimeRollupJob implements SchedulingConfigurer {

	static final int DAYS = 90;

	private static final Duration FIRST_RUN = Duration.ofSeconds(2);

	private static final Duration AFTER_MIDNIGHT = UptimeRollup.SETTLED.plusMinutes(1);

	private static final Logger logger = LoggerFactory.getLogger(UptimeRollupJob.class);

	private final ComponentUptimeService uptime;

	private final SettingsService settings;

	private final Clock clock;

	private final LockingTaskExecutor locks;

	/** The page's time zone at the last run. */
	private volatile ZoneId zone = ZoneOffset.UTC;

	UptimeRollupJob(ComponentUptimeService uptime, SettingsService settings, Clock clock, LockingTaskExecutor locks) {
		this.locks = locks;
		this.uptime = uptime;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		tasks.addTriggerTask(this::rollUp, (context) -> {
			Instant now = context.getClock().instant();
			return (context.lastCompletion() == null) ? now.plus(FIRST_RUN)
					: now.plus(untilNextRun(this.clock.instant(), this.zone));
		});
	}

	void rollUp() {
		try {
			ZoneId days = this.settings.site().timezone();
			this.zone = days;
			// once per cluster (the roll-up is idempotent; the lock saves the others the
			// work)
			this.locks.executeWithLock((Runnable) () -> {
				int rolled = this.uptime.rollUpMissingDays(DAYS, days);
				if (rolled > 0) {
					logger.info("Rolled up {} day(s) of component uptime in {}", rolled, days);
				}
			}, new LockConfiguration(Instant.now(), "uptime-rollup", Duration.ofMinutes(10), Duration.ZERO));
		}
		catch (RuntimeException ex) {
			if (!DatabaseOutage.isOutage(ex)) {
				logger.warn("Rolling up component uptime failed; the page counts missing days itself: {}",
						ex.getMessage());
			}
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
