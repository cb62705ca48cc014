package io.cachet.statuspage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cachet.shared.DaemonThreads;
import io.cachet.shared.DatabaseOutage;
import io.cachet.audit.RecordChanged;
import io.cachet.component.ComponentStatusChanged;
import io.cachet.cluster.ClusterSignals;
import io.cachet.settings.SettingsChanged;
import io.cachet.settings.SettingsService;
import io.cachet.statuspage.StatusPageParts.Part;

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
 * Keeps the {@link StatusPageCache} current. A change to anything the page shows asks,
 * once its transaction commits, for the parts of the page it touches to be read again
 * ({@link StatusPageChanges}, {@link StatusPageRereads}): a component's status re-reads
 * the components and that component's uptime, not the incidents, the other components'
 * uptime or the charts. The snapshot is then assembled from the parts without the
 * database and rendered from fragments that did not change ({@link PageFragments}), so
 * the time from a change to the page does not grow with the history.
 * <p>
 * Changes close together share one rebuild: after {@value #DEBOUNCE_MILLIS} ms for
 * background writers (a burst of metric points costs one read), at once for a change made
 * in a web request, whose response waits for the rebuild ({@link ReadYourWrites}). Time
 * alone changes the page too (maintenance starting, a new day in the timeline, today's
 * uptime): the maintenance and incident parts are read again every
 * {@value #MAX_AGE_SECONDS} s, everything every {@value #FULL_AGE_SECONDS} s (on a thread
 * of its own, so that changes do not wait for it); and the database is pinged every
 * {@value #PING_SECONDS} s so that an outage marks the page stale and a recovery rebuilds
 * it.
 */
@Component
class StatusPageRefresher implements DisposableBean {

	/** The cluster signal that the public page's data changed. */
	static final String PAGE_TOPIC = "page";

	static final long DEBOUNCE_MILLIS = 100;

	static final long MAX_AGE_SECONDS = 30;

	static final long FULL_AGE_SECONDS = 300;

	static final long PING_SECONDS = 5;

	/**
	 * What time alone changes often enough to be read every {@value #MAX_AGE_SECONDS} s.
	 */
	private static final StatusPageChanges AGEING = StatusPageChanges.of(Part.SCHEDULES, Part.INCIDENTS);

	private static final Logger logger = LoggerFactory.getLogger(StatusPageRefresher.class);

	private final StatusPageRereads rereads;

	private final StatusPageCache cache;

	private final ObjectProvider<PublicResources> resources;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ScheduledExecutorService executor = Executors
		.newSingleThreadScheduledExecutor(DaemonThreads.named("status-page-refresh"));

	/** Reads everything every {@value #FULL_AGE_SECONDS} s without holding up changes. */
	private final ExecutorService background = Executors
		.newSingleThreadExecutor(DaemonThreads.named("status-page-full-read"));

	/**
	 * Guarded by {@link #lock}: the changes asked for while a background full read runs,
	 * {@code null} when none runs.
	 */
	private @Nullable StatusPageChanges sinceFullRead;

	private final ClusterSignals signals;

	private final SettingsService settings;

	private final Object lock = new Object();

	/** Guarded by {@link #lock}: the changes no rebuild has started on yet. */
	private StatusPageChanges pending = StatusPageChanges.NONE;

	/** Guarded by {@link #lock}: a rebuild is scheduled for {@link #pending}. */
	private boolean scheduled;

	/** Guarded by {@link #lock}: the number of changes asked for so far. */
	private long requested;

	/** Guarded by {@link #lock}: the changes up to this number are on the page. */
	private long applied;

	private volatile boolean closing;

	private volatile Instant lastBuilt = Instant.EPOCH;

	private volatile Instant lastFull = Instant.EPOCH;

	/** Only the rebuilding thread (synchronized) reads and writes it. */
	private @Nullable StatusPageParts parts;

	StatusPageRefresher(StatusPageRereads rereads, StatusPageCache cache, ObjectProvider<PublicResources> resources,
			JdbcClient jdbc, Clock clock, ClusterSignals signals, SettingsService settings) {
		this.signals = signals;
		this.settings = settings;
		this.rereads = rereads;
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
			request(StatusPageChanges.ALL, false);
		});
		this.executor.execute(() -> logged(this::rebuild));
		this.executor.scheduleWithFixedDelay(this::check, PING_SECONDS, PING_SECONDS, TimeUnit.SECONDS);
	}

	@EventListener
	void on(RecordChanged event) {
		StatusPageChanges changes = switch (event.subject()) {
			case COMPONENT -> StatusPageChanges.component(event.subjectId());
			case COMPONENT_GROUP -> StatusPageChanges.of(Part.COMPONENTS);
			case INCIDENT, INCIDENT_UPDATE -> StatusPageChanges.of(Part.INCIDENTS);
			case SCHEDULE -> StatusPageChanges.of(Part.SCHEDULES);
			case METRIC -> StatusPageChanges.metric(event.subjectId());
			case METRIC_POINT -> StatusPageChanges.metricPoint();
			default -> StatusPageChanges.NONE;
		};
		if (!changes.isEmpty()) {
			onCommit(changes);
		}
	}

	@EventListener
	void on(ComponentStatusChanged event) {
		onCommit(StatusPageChanges.component(event.componentId()));
	}

	@EventListener(SettingsChanged.class)
	void onSettingsChanged() {
		onCommit(StatusPageChanges.ALL);
	}

	private void onCommit(StatusPageChanges changes) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					changed(changes);
				}
			});
		}
		else {
			changed(changes);
		}
	}

	private void changed(StatusPageChanges changes) {
		boolean inRequest = ReadYourWrites.inRequest();
		long number = request(changes, inRequest);
		if (inRequest) {
			ReadYourWrites.remember(number);
		}
		tellOtherNodes();
	}

	private void tellOtherNodes() {
		this.executor.execute(() -> this.signals.changed(PAGE_TOPIC));
	}

	/**
	 * Asks for a rebuild with the parts that changed read again; changes asked for before
	 * it starts are served by it.
	 * @param now without the debounce: someone waits for it
	 * @return the number of this change, for {@link #awaitApplied}
	 */
	long request(StatusPageChanges changes, boolean now) {
		synchronized (this.lock) {
			this.pending = this.pending.and(changes);
			if (this.sinceFullRead != null) {
				this.sinceFullRead = this.sinceFullRead.and(changes);
			}
			this.requested++;
			if (!this.scheduled) {
				this.scheduled = true;
				this.executor.schedule(() -> logged(this::refreshPending), now ? 0 : DEBOUNCE_MILLIS,
						TimeUnit.MILLISECONDS);
			}
			return this.requested;
		}
	}

	/**
	 * Asks for a full rebuild soon.
	 */
	public void requestRebuild() {
		request(StatusPageChanges.ALL, false);
	}

	/**
	 * Waits until the page shows the change with the given number, at most
	 * {@code timeout}.
	 * @return whether it does
	 */
	boolean awaitApplied(long number, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (this.lock) {
			while (this.applied < number) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					return false;
				}
				TimeUnit.NANOSECONDS.timedWait(this.lock, left);
			}
			return true;
		}
	}

	/**
	 * A background rebuild: a failure the rebuild does not handle itself is logged, as
	 * the executor would otherwise keep it to itself.
	 */
	private void logged(Runnable rebuild) {
		try {
			rebuild.run();
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

	/**
	 * Reads everything again and renders the page from it.
	 */
	void rebuild() {
		refresh(StatusPageChanges.ALL);
	}

	private void refreshPending() {
		refresh(StatusPageChanges.NONE);
	}

	/**
	 * Reads again what changed (the pending changes and {@code more}), assembles and
	 * renders the new snapshot and installs it.
	 */
	synchronized void refresh(StatusPageChanges more) {
		StatusPageChanges changes;
		long covering;
		synchronized (this.lock) {
			changes = this.pending.and(more);
			this.pending = StatusPageChanges.NONE;
			this.scheduled = false;
			covering = this.requested;
		}
		try {
			if (changes.isEmpty() && this.parts != null) {
				return;
			}
			StatusPageParts next;
			try {
				next = this.rereads.apply(this.parts, changes);
			}
			catch (RuntimeException ex) {
				// read again in full once the database answers (check)
				this.parts = null;
				markStale("The status page could not be rebuilt", ex);
				return;
			}
			this.parts = next;
			if (changes.all()) {
				this.lastFull = this.clock.instant();
			}
			install(StatusPageAssembly.assemble(next, this.clock.instant()));
		}
		finally {
			// a failed rebuild lets the writers go too: they are not kept waiting for
			// a database that is away
			synchronized (this.lock) {
				this.applied = Math.max(this.applied, covering);
				this.lock.notifyAll();
			}
		}
	}

	private void install(StatusPageSnapshot snapshot) {
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
		Instant now = this.clock.instant();
		if (stale || this.parts == null) {
			rebuild();
			return;
		}
		if (Duration.between(this.lastFull, now).toSeconds() >= FULL_AGE_SECONDS) {
			readInBackground(now);
		}
		if (Duration.between(this.lastBuilt, now).toSeconds() >= MAX_AGE_SECONDS) {
			refresh(AGEING);
			return;
		}
		try {
			this.jdbc.sql("SELECT 1").query(Integer.class).single();
		}
		catch (RuntimeException ex) {
			markStale("The database does not answer", ex);
		}
	}

	/**
	 * Reads everything again on another thread, so that the changes made meanwhile do not
	 * wait for it, then merges it on this one ({@link StatusPageParts#keeping}): what
	 * changed while it read is taken from the current parts.
	 */
	private void readInBackground(Instant now) {
		synchronized (this.lock) {
			if (this.sinceFullRead != null) {
				return;
			}
			this.sinceFullRead = StatusPageChanges.NONE;
		}
		this.lastFull = now;
		this.background.execute(() -> {
			StatusPageParts fresh = null;
			try {
				fresh = this.rereads.apply(null, StatusPageChanges.ALL);
			}
			catch (RuntimeException ex) {
				// an outage is noticed by the next ping
				logger.debug("The periodic full read of the status page failed", ex);
			}
			StatusPageChanges touched;
			synchronized (this.lock) {
				touched = this.sinceFullRead;
				this.sinceFullRead = null;
			}
			if (fresh != null && touched != null) {
				StatusPageParts read = fresh;
				this.executor.execute(() -> logged(() -> merge(read, touched)));
			}
		});
	}

	private synchronized void merge(StatusPageParts fresh, StatusPageChanges touched) {
		StatusPageParts current = this.parts;
		if (current == null || touched.all()) {
			// read in full meanwhile, or about to be
			return;
		}
		this.parts = fresh.keeping(current, touched);
		install(StatusPageAssembly.assemble(this.parts, this.clock.instant()));
	}

	@Override
	public void destroy() {
		this.background.shutdownNow();
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
