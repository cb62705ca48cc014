package io.cachet.statuspage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cachet.shared.DaemonThreads;
import io.cachet.shared.DatabaseOutage;
import io.cachet.audit.AuditSubject;
import io.cachet.audit.RecordChanged;
import io.cachet.component.ComponentStatusChanged;
import io.cachet.cluster.ClusterSignals;
import io.cachet.settings.SettingsChanged;
import io.cachet.settings.SettingsService;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the {@link StatusPageCache} current. A change to anything the page shows asks for
 * a rebuild once its transaction commits; requests close together share one rebuild
 * (after {@value #DEBOUNCE_MILLIS} ms), so a change is on the page well within a second
 * and a burst of metric points costs one read. The page is also rebuilt every
 * {@value #MAX_AGE_SECONDS} s, because time alone changes it (maintenance starting, a new
 * day in the timeline), and the database is pinged every {@value #PING_SECONDS} s so that
 * an outage marks the page stale and a recovery rebuilds it.
 */
@Component
class StatusPageRefresher implements DisposableBean {

	/** The records the page is built from: a change to one rebuilds it. */
	private static final Set<AuditSubject> SHOWN = EnumSet.of(AuditSubject.COMPONENT, AuditSubject.COMPONENT_GROUP,
			AuditSubject.INCIDENT, AuditSubject.INCIDENT_UPDATE, AuditSubject.INCIDENT_TEMPLATE, AuditSubject.METRIC,
			AuditSubject.METRIC_POINT, AuditSubject.SCHEDULE);

	/** The cluster signal that the public page's data changed. */
	static final String PAGE_TOPIC = "page";

	static final long DEBOUNCE_MILLIS = 100;

	static final long MAX_AGE_SECONDS = 30;

	static final long PING_SECONDS = 5;

	private static final Logger logger = LoggerFactory.getLogger(StatusPageRefresher.class);

	private final StatusPageReader reader;

	private final StatusPageCache cache;

	private final ObjectProvider<PublicResources> resources;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ScheduledExecutorService executor = Executors
		.newSingleThreadScheduledExecutor(DaemonThreads.named("status-page-refresh"));

	private final AtomicBoolean pending = new AtomicBoolean();

	private volatile boolean closing;

	private volatile Instant lastBuilt = Instant.EPOCH;

	private final ClusterSignals signals;

	private final SettingsService settings;

	StatusPageRefresher(StatusPageReader reader, StatusPageCache cache, ObjectProvider<PublicResources> resources,
			JdbcClient jdbc, Clock clock, ClusterSignals signals, SettingsService settings) {
		this.signals = signals;
		this.settings = settings;
		this.reader = reader;
		this.cache = cache;
		this.resources = resources;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@EventListener(ContextClosedEvent.class)
	void stopping() {
		this.closing = true;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		// another node changed something: its settings and data are read again
		this.signals.listen(PAGE_TOPIC, () -> {
			this.settings.forgetCached();
			requestRebuild();
		});
		this.executor.execute(this::rebuildLogged);
		this.executor.scheduleWithFixedDelay(this::check, PING_SECONDS, PING_SECONDS, TimeUnit.SECONDS);
	}

	@EventListener
	void on(RecordChanged event) {
		if (SHOWN.contains(event.subject())) {
			onDataChanged();
		}
	}

	@EventListener({ ComponentStatusChanged.class, SettingsChanged.class })
	void onDataChanged() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					requestRebuild();
					tellOtherNodes();
				}
			});
		}
		else {
			requestRebuild();
			tellOtherNodes();
		}
	}

	private void tellOtherNodes() {
		this.executor.execute(() -> this.signals.changed(PAGE_TOPIC));
	}

	/**
	 * Asks for a rebuild soon; requests made before it starts are served by it.
	 */
	public void requestRebuild() {
		if (this.pending.compareAndSet(false, true)) {
			this.executor.schedule(this::rebuildLogged, DEBOUNCE_MILLIS, TimeUnit.MILLISECONDS);
		}
	}

	/**
	 * A background rebuild: a failure the rebuild does not handle itself is logged, as
	 * the executor would otherwise keep it to itself.
	 */
	private void rebuildLogged() {
		try {
			rebuild();
		}
		catch (RuntimeException | Error ex) {
			logger.error("The status page rebuild failed", ex);
			throw ex;
		}
	}

	/**
	 * Builds the first snapshot in the caller's thread when there is none yet (a request
	 * that arrives before the first background build).
	 */
	StatusPageCache.State currentOrBuild() {
		return this.cache.current().orElseGet(() -> {
			synchronized (this) {
				return this.cache.current().orElseGet(() -> {
					rebuild();
					return this.cache.current().orElseThrow(() -> new PageUnavailableException());
				});
			}
		});
	}

	synchronized void rebuild() {
		this.pending.set(false);
		StatusPageSnapshot snapshot;
		try {
			snapshot = this.reader.read();
		}
		catch (RuntimeException ex) {
			markStale("The status page could not be rebuilt", ex);
			return;
		}
		StatusPageCache.State next = this.cache.next(snapshot, false);
		try {
			this.resources.getObject().prerender(next);
		}
		catch (RuntimeException ex) {
			if (this.closing) {
				// the context is shutting down under the render (its message source
				// is gone): nothing is wrong with the page
				logger.debug("The status page was not rendered: the application is stopping", ex);
				return;
			}
			// A page that cannot be rendered is a bug, not an outage: serve the new
			// snapshot anyway (each request renders what it can) and say so loudly.
			logger.error("The status page could not be rendered", ex);
		}
		this.cache.install(next);
		this.lastBuilt = this.clock.instant();
	}

	private void markStale(String why, RuntimeException ex) {
		this.cache.nextStale().ifPresent((stale) -> {
			// an outage has its own WARN line (DatabaseOutage)
			if (DatabaseOutage.isOutage(ex)) {
				logger.info("{}; serving the last good page, marked stale", why);
			}
			else {
				logger.warn("{}; serving the last good page, marked stale: {}", why, ex.toString());
			}
			this.resources.getObject().prerender(stale);
			this.cache.install(stale);
		});
	}

	private void check() {
		boolean stale = this.cache.current().map(StatusPageCache.State::stale).orElse(true);
		if (stale || Duration.between(this.lastBuilt, this.clock.instant()).toSeconds() >= MAX_AGE_SECONDS) {
			rebuild();
			return;
		}
		try {
			this.jdbc.sql("SELECT 1").query(Integer.class).single();
		}
		catch (RuntimeException ex) {
			markStale("The database does not answer", ex);
		}
	}

	@Override
	public void destroy() {
		this.executor.shutdownNow();
	}

	/**
	 * There is no page to serve: the database has not answered since the start.
	 */
	static class PageUnavailableException extends RuntimeException {

		PageUnavailableException() {
			super("The status page has not been built yet");
		}

	}

}
