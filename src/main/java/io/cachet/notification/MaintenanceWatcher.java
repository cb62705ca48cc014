package io.cachet.notification;

import io.cachet.shared.DaemonThreads;
import io.cachet.shared.DatabaseOutage;
import io.cachet.cluster.ClusterLocks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.cachet.schedule.ScheduleService;
import io.cachet.schedule.ScheduleStatus;
import io.cachet.schedule.ScheduleView;

/**
 * Notices maintenance windows that start or end by the clock (their {@code scheduled_at}
 * or planned end passes) and writes the started and completed notifications. It looks
 * back one hour at start-up, so a restart does not miss a start; the outbox's event keys
 * make a window's start and end notified once however often they are seen, and whether
 * they were also set by hand.
 */
@Component
class MaintenanceWatcher implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(MaintenanceWatcher.class);

	private final ScheduleService schedules;

	private final NotificationTriggers triggers;

	private final TransactionTemplate transaction;

	private final NotificationProperties properties;

	private final Clock clock;

	private Instant checkedUntil;

	private @Nullable ScheduledExecutorService executor;

	private final ClusterLocks locks;

	private final DatabaseOutage database;

	MaintenanceWatcher(ScheduleService schedules, NotificationTriggers triggers, TransactionTemplate transaction,
			NotificationProperties properties, Clock clock, ClusterLocks locks, DatabaseOutage database) {
		this.database = database;
		this.locks = locks;
		this.schedules = schedules;
		this.triggers = triggers;
		this.transaction = transaction;
		this.properties = properties;
		this.clock = clock;
		this.checkedUntil = clock.instant().minus(Duration.ofHours(1));
	}

	@Override
	public void start() {
		if (!this.properties.enabled()) {
			return;
		}
		ScheduledExecutorService scheduler = Executors
			.newSingleThreadScheduledExecutor(DaemonThreads.named("cachet-maintenance-watch"));
		long interval = this.properties.maintenanceCheck().toMillis();
		scheduler.scheduleWithFixedDelay(this::check, Math.min(1000, interval), interval, TimeUnit.MILLISECONDS);
		this.executor = scheduler;
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

	void check() {
		if (this.database.isDown()) {
			// checkedUntil stays: the windows passed meanwhile are seen once it is back
			return;
		}
		try {
			Instant now = this.clock.instant();
			Instant from = this.checkedUntil;
			// one node of a cluster looks; the outbox keys would keep a second look
			// harmless
			boolean ran = this.locks.runExclusively("maintenance-watch", Duration.ofMinutes(1),
					this.properties.maintenanceCheck().dividedBy(2),
					() -> this.transaction.executeWithoutResult((status) -> {
						for (ScheduleView schedule : this.schedules.findStartingOrEndingBetween(from, now)) {
							Instant end = schedule.completedAt();
							boolean started = schedule.scheduledAt().isAfter(from)
									&& !schedule.scheduledAt().isAfter(now);
							boolean ended = end != null && end.isAfter(from) && !end.isAfter(now);
							if (started && !ended && schedule.status() != ScheduleStatus.COMPLETE) {
								this.triggers.maintenanceStarted(schedule.id());
							}
							if (ended) {
								this.triggers.maintenanceCompleted(schedule.id());
							}
						}
					}));
			if (ran) {
				this.checkedUntil = now;
			}
		}
		catch (RuntimeException ex) {
			if (!this.database.report(ex)) {
				logger.warn("Checking maintenance windows failed; trying again shortly: {}", ex.getMessage());
			}
		}
	}

}
