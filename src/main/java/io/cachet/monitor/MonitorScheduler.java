package io.cachet.monitor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.cachet.audit.AuditSubject;
import io.cachet.audit.RecordChanged;
import io.cachet.shared.DaemonThreads;
import io.cachet.shared.DatabaseOutage;
import io.cachet.cluster.ClusterSignals;
import io.cachet.backup.BackupImported;
import io.cachet.settings.SettingsService;

/**
 * Runs monitors at their intervals. A one-second tick hands each due monitor to a pool of
 * {@code cachet.monitors.concurrency} threads (default 32); a monitor is never checked
 * twice at once, and its first check is spread over its interval so that many monitors
 * made together do not all fire in the same second. Raw results older than the
 * {@code monitor_result_retention_days} setting (default 7) are deleted hourly.
 * <p>
 * A loop of its own rather than {@code @Scheduled} jobs: each monitor has its own
 * interval, changed at run time, and its own first run spread over it; the due times are
 * kept here and reloaded when monitors change (on this node or, by a cluster signal, on
 * another); and each check takes a ShedLock lock named after its monitor and as long as
 * its interval, which {@code @SchedulerLock}'s fixed name and durations cannot express.
 */
@Component
class MonitorScheduler implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(MonitorScheduler.class);

	private final MonitorService monitors;

	private final MonitorChecks checks;

	private final MonitorResults results;

	private final SettingsService settings;

	private final io.cachet.monitor.internal.MonitorRepository repository;

	private final Clock clock;

	private final LockingTaskExecutor locks;

	private final ClusterSignals signals;

	private final DatabaseOutage database;

	/** The cluster signal that monitors were added, changed or removed. */
	static final String MONITORS_TOPIC = "monitors";

	private final int concurrency;

	private final boolean enabled;

	/** When each monitor is due next. */
	private final Map<Long, Instant> due = new ConcurrentHashMap<>();

	private final Set<Long> running = ConcurrentHashMap.newKeySet();

	private volatile Map<Long, MonitorView> enabledMonitors = Map.of();

	private volatile boolean reload = true;

	private Instant lastPrune = Instant.EPOCH;

	private @Nullable ScheduledExecutorService ticker;

	private @Nullable ExecutorService pool;

	MonitorScheduler(MonitorService monitors, MonitorChecks checks, MonitorResults results, SettingsService settings,
			io.cachet.monitor.internal.MonitorRepository repository, LockingTaskExecutor locks, ClusterSignals signals,
			Clock clock, DatabaseOutage database, MonitorProperties properties) {
		int concurrency = properties.concurrency();
		boolean enabled = properties.enabled();
		this.database = database;
		this.locks = locks;
		this.signals = signals;
		this.monitors = monitors;
		this.checks = checks;
		this.results = results;
		this.settings = settings;
		this.repository = repository;
		this.clock = clock;
		this.concurrency = concurrency;
		this.enabled = enabled;
	}

	@EventListener
	void on(RecordChanged event) {
		if (event.subject() != AuditSubject.MONITOR) {
			return;
		}
		this.due.remove(event.subjectId());
		this.reload = true;
		if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
			org.springframework.transaction.support.TransactionSynchronizationManager
				.registerSynchronization(new org.springframework.transaction.support.TransactionSynchronization() {
					@Override
					public void afterCommit() {
						MonitorScheduler.this.signals.changed(MONITORS_TOPIC);
					}
				});
		}
		else {
			this.signals.changed(MONITORS_TOPIC);
		}
	}

	@EventListener(BackupImported.class)
	void onBackupImported() {
		this.reload = true;
	}

	@Override
	public void start() {
		if (!this.enabled) {
			return;
		}
		this.signals.listen(MONITORS_TOPIC, () -> this.reload = true);
		this.pool = Executors.newFixedThreadPool(Math.max(1, this.concurrency), DaemonThreads.named("cachet-monitor-"));
		ScheduledExecutorService scheduler = Executors
			.newSingleThreadScheduledExecutor(DaemonThreads.named("cachet-monitor-tick"));
		scheduler.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
		this.ticker = scheduler;
	}

	@Override
	public void stop() {
		if (this.ticker != null) {
			this.ticker.shutdownNow();
		}
		if (this.pool != null) {
			this.pool.shutdownNow();
		}
		this.ticker = null;
		this.pool = null;
	}

	@Override
	public boolean isRunning() {
		return this.ticker != null;
	}

	void tick() {
		if (this.database.isDown()) {
			// a check's result could not be recorded; checks resume when it is back
			return;
		}
		try {
			Instant now = this.clock.instant();
			if (this.reload) {
				this.reload = false;
				Map<Long, MonitorView> loaded = new java.util.LinkedHashMap<>();
				this.monitors.findEnabled().forEach((monitor) -> loaded.put(monitor.id(), monitor));
				this.enabledMonitors = loaded;
				this.due.keySet().retainAll(loaded.keySet());
			}
			ExecutorService workers = this.pool;
			for (MonitorView monitor : this.enabledMonitors.values()) {
				Instant next = this.due.computeIfAbsent(monitor.id(), (id) -> firstRun(monitor, now));
				if (!next.isAfter(now) && workers != null && this.running.add(monitor.id())) {
					this.due.put(monitor.id(), now.plusSeconds(monitor.intervalSeconds()));
					workers.execute(() -> run(monitor.id()));
				}
			}
			pruneHourly(now);
		}
		catch (RuntimeException ex) {
			if (!this.database.report(ex)) {
				logger.warn("Scheduling monitors failed; trying again shortly: {}", ex.getMessage());
			}
		}
	}

	private void run(long monitorId) {
		try {
			// read again: a push monitor's heartbeat or a change may have come since
			MonitorView monitor = this.monitors.getMonitor(monitorId);
			if (monitor.enabled()) {
				// In a cluster every node ticks; the lock lets one of them check per
				// interval.
				// A node that dies holding it delays the next check by at most the
				// interval.
				Duration interval = Duration.ofSeconds(monitor.intervalSeconds());
				Duration atMost = Duration.ofSeconds(Math.max(monitor.intervalSeconds(), monitor.timeoutSeconds() + 5));
				Duration atLeast = interval.minusMillis(Math.min(1000, interval.toMillis() / 2));
				this.locks.executeWithLock((Runnable) () -> this.results.record(monitorId, this.checks.check(monitor)),
						new LockConfiguration(Instant.now(), "monitor-" + monitorId, atMost, atLeast));
			}
		}
		catch (MonitorNotFoundException ex) {
			this.reload = true;
		}
		catch (RuntimeException ex) {
			if (!this.database.report(ex)) {
				logger.warn("Monitor {} could not be checked: {}", monitorId, ex.getMessage());
			}
		}
		finally {
			this.running.remove(monitorId);
		}
	}

	/**
	 * A monitor checked before runs one interval after its last check; a new one soon, at
	 * a random point of its first interval (at most 5 s away).
	 */
	private static Instant firstRun(MonitorView monitor, Instant now) {
		if (monitor.lastCheckedAt() != null) {
			Instant next = monitor.lastCheckedAt().plusSeconds(monitor.intervalSeconds());
			return next.isBefore(now) ? now : next;
		}
		if (monitor.type() == MonitorType.PUSH) {
			// give the monitored system one interval to call in
			Instant first = monitor.createdAt().plusSeconds(monitor.intervalSeconds());
			return first.isBefore(now) ? now : first;
		}
		long spread = Math.min(5_000, monitor.intervalSeconds() * 1000L);
		return now.plusMillis(ThreadLocalRandom.current().nextLong(spread));
	}

	private void pruneHourly(Instant now) {
		if (Duration.between(this.lastPrune, now).toHours() >= 1) {
			this.lastPrune = now;
			int days = this.settings.site().monitorResultRetentionDays();
			int pruned = this.repository.pruneResultsBefore(now.minus(Duration.ofDays(days)));
			if (pruned > 0) {
				logger.info("Deleted {} monitor results older than {} days", pruned, days);
			}
		}
	}

}
