package io.cachet.shared;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Knows whether the database answers, and says so in the log once per outage: one WARN
 * line when it goes away, one INFO line when it is back, instead of a stack trace per
 * request and per background tick.
 * <p>
 * An outage is noticed by whoever meets it first ({@link #report}: the error handlers and
 * the background jobs) or by a {@code SELECT 1} every {@code cachet.database.check} (5
 * s); while it lasts, the same probe runs every second so that the jobs that pause while
 * {@link #isDown()} start again about a second after the database does. Nothing needs
 * restarting: Hikari opens new connections by itself once the server answers.
 */
@Component
public class DatabaseOutage implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(DatabaseOutage.class);

	private static final long DOWN_PROBE_MILLIS = 1000;

	/**
	 * What a 503 for a missing database tells the client to wait, in seconds
	 * ({@code Retry-After}).
	 */
	public static final String RETRY_AFTER_SECONDS = "5";

	private final JdbcClient jdbc;

	private final Duration check;

	private volatile long downSince;

	private volatile boolean down;

	private @Nullable ScheduledExecutorService probe;

	private long lastProbe = System.nanoTime();

	DatabaseOutage(JdbcClient jdbc, DatabaseProperties properties) {
		this.jdbc = jdbc;
		this.check = properties.check();
	}

	/**
	 * Whether this failure means the database cannot be reached (refused, timed out, the
	 * connection lost, the pool exhausted) rather than a fault in the statement or the
	 * data: something to answer with 503 and try again later, not a bug. Deadlocks and
	 * optimistic-locking conflicts are not outages: they keep their own handling.
	 */
	public static boolean isOutage(@Nullable Throwable failure) {
		Throwable cause = failure;
		for (int depth = 0; cause != null && depth < 32; depth++, cause = cause.getCause()) {
			if (cause instanceof CannotCreateTransactionException || cause instanceof DataAccessResourceFailureException
					|| cause instanceof TransientDataAccessResourceException || cause instanceof QueryTimeoutException
					|| cause instanceof RecoverableDataAccessException
					|| cause instanceof SQLTransientConnectionException
					|| cause instanceof SQLNonTransientConnectionException
					|| cause instanceof SQLRecoverableException) {
				return true;
			}
			// SQL state class 08: connection exception, whatever the driver's class
			if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
				return true;
			}
			// a rollback that failed on the lost connection hides what made it roll back
			if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
					&& rollback.getApplicationException() != failure && isOutage(rollback.getApplicationException())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * @return whether the database is known to be away: background work waits for it
	 */
	public boolean isDown() {
		return this.down;
	}

	/**
	 * Tells of a failure met while using the database.
	 * @return whether it was an outage (then it is logged here, once per outage, and the
	 * caller need not log it)
	 */
	public boolean report(Throwable failure) {
		if (!isOutage(failure)) {
			return false;
		}
		wentDown(failure);
		return true;
	}

	private synchronized void wentDown(Throwable failure) {
		if (!this.down) {
			this.down = true;
			this.downSince = System.nanoTime();
			logger.warn("The database does not answer ({}); requests that need it answer 503 and background jobs "
					+ "wait until it is back", rootMessage(failure));
		}
	}

	private synchronized void cameBack() {
		if (this.down) {
			this.down = false;
			long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - this.downSince);
			logger.info("The database answers again, after {} s away", seconds);
		}
	}

	void probe() {
		long now = System.nanoTime();
		if (!this.down && now - this.lastProbe < this.check.toNanos()) {
			return;
		}
		this.lastProbe = now;
		try {
			this.jdbc.sql("SELECT 1").query(Integer.class).single();
			cameBack();
		}
		catch (RuntimeException ex) {
			if (!report(ex)) {
				logger.warn("Checking the database failed: {}", ex.toString());
			}
		}
	}

	private static String rootMessage(Throwable failure) {
		Throwable root = failure;
		for (int depth = 0; root.getCause() != null && depth < 32; depth++) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

	@Override
	public void start() {
		ScheduledExecutorService executor = Executors
			.newSingleThreadScheduledExecutor(DaemonThreads.named("cachet-database-check"));
		executor.scheduleWithFixedDelay(this::probe, DOWN_PROBE_MILLIS, DOWN_PROBE_MILLIS, TimeUnit.MILLISECONDS);
		this.probe = executor;
	}

	@Override
	public void stop() {
		ScheduledExecutorService executor = this.probe;
		if (executor != null) {
			executor.shutdownNow();
		}
		this.probe = null;
	}

	@Override
	public boolean isRunning() {
		return this.probe != null;
	}

}
