package io.cachet.notification;

import io.cachet.shared.DatabaseOutage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
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
class MaintenanceWatcher {

	private static final Logger logger = LoggerFactory.getLogger(MaintenanceWatcher.class);

	private final ScheduleService schedules;

	private final NotificationTriggers triggers;

	private final TransactionTemplate transaction;

	private final NotificationProperties properties;

	private final Clock clock;

	private Instant checkedUntil;

	private final DatabaseOutage database;

	MaintenanceWatcher(ScheduleService schedules, NotificationTriggers triggers, TransactionTemplate transaction,
			NotificationProperties properties, Clock clock, DatabaseOutage database) {
		this.database = database;
		this.schedules = schedules;
		this.triggers = triggers;
		this.transaction = transaction;
		this.properties = properties;
		this.clock = clock;
		this.checkedUntil = clock.instant().minus(Duration.ofHours(1));
	}

	/**
	 * One look, on one node of a cluster at a time (the outbox keys would keep a second
	 * look harmless); the lock is kept for half the default interval, so that the other
	 * nodes, ticking a little later, leave it to this one. A node that does not get the
	 * lock keeps its {@code checkedUntil}, so it looks back far enough when it gets it.
	 */
	@Scheduled(initialDelayString = "1s", fixedDelayString = "${cachet.notifications.maintenance-check:10s}")
	@SchedulerLock(name = "maintenance-watch", lockAtMostFor = "1m", lockAtLeastFor = "5s")
	void check() {
		if (!this.properties.enabled() || this.database.isDown()) {
			// checkedUntil stays: the windows passed meanwhile are seen once it is back
			return;
		}
		try {
			Instant now = this.clock.instant();
			Instant from = this.checkedUntil;
			this.transaction.executeWithoutResult((status) -> {
				for (ScheduleView schedule : this.schedules.findStartingOrEndingBetween(from, now)) {
					Instant end = schedule.completedAt();
					boolean started = schedule.scheduledAt().isAfter(from) && !schedule.scheduledAt().isAfter(now);
					boolean ended = end != null && end.isAfter(from) && !end.isAfter(now);
					if (started && !ended && schedule.status() != ScheduleStatus.COMPLETE) {
						this.triggers.maintenanceStarted(schedule.id());
					}
					if (ended) {
						this.triggers.maintenanceCompleted(schedule.id());
					}
				}
			});
			this.checkedUntil = now;
		}
		catch (RuntimeException ex) {
			if (!this.database.report(ex)) {
				logger.warn("Checking maintenance windows failed; trying again shortly: {}", ex.getMessage());
			}
		}
	}

}
