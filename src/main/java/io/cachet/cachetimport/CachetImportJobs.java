package io.cachet.cachetimport;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

import io.cachet.outbound.OutboundPolicy;
import io.cachet.shared.DaemonThreads;

/**
 * Runs one Cachet import at a time in the background, and keeps how it goes for the
 * dashboard to show (the page refreshes while it runs).
 */
@Service
public class CachetImportJobs implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(CachetImportJobs.class);

	private final CachetImporter importer;

	private final Clock clock;

	private final ExecutorService executor = Executors.newSingleThreadExecutor(DaemonThreads.named("cachet-import"));

	private volatile @Nullable Job current;

	private final OutboundPolicy policy;

	CachetImportJobs(CachetImporter importer, Clock clock, OutboundPolicy policy) {
		this.importer = importer;
		this.clock = clock;
		this.policy = policy;
	}

	/**
	 * @return false when an import is running already
	 * @throws io.cachet.outbound.OutboundNotAllowedException when the address is one the
	 * outbound policy forbids (checked again by each call of the import)
	 */
	public synchronized boolean start(URI baseUrl, String token) {
		this.policy.checkUrl(baseUrl.toString(), OutboundPolicy.Purpose.INTEGRATION);
		Job running = this.current;
		if (running != null && running.finishedAt() == null) {
			return false;
		}
		Job job = new Job(baseUrl.toString(), this.clock.instant());
		this.current = job;
		this.executor.execute(() -> {
			try {
				job.summary = this.importer.importFrom(baseUrl, token, job::step);
			}
			catch (CachetImportException ex) {
				job.error = ex.getMessage();
			}
			catch (RuntimeException ex) {
				logger.warn("The Cachet import failed", ex);
				job.error = "The import failed: " + ex.getMessage();
			}
			finally {
				job.finishedAt = this.clock.instant();
			}
		});
		return true;
	}

	/**
	 * @return the running or last import, if any
	 */
	public @Nullable Job current() {
		return this.current;
	}

	@Override
	public void destroy() {
		this.executor.shutdownNow();
	}

	/**
	 * One import: its steps so far, then its summary or error.
	 */
	public static final class Job {

		private final String source;

		private final Instant startedAt;

		private final List<String> steps = new ArrayList<>();

		private volatile @Nullable ImportSummary summary;

		private volatile @Nullable String error;

		private volatile @Nullable Instant finishedAt;

		Job(String source, Instant startedAt) {
			this.source = source;
			this.startedAt = startedAt;
		}

		synchronized void step(String step) {
			this.steps.add(step);
			if (this.steps.size() > 200) {
				this.steps.remove(0);
			}
		}

		public String source() {
			return this.source;
		}

		public Instant startedAt() {
			return this.startedAt;
		}

		public synchronized List<String> steps() {
			return List.copyOf(this.steps);
		}

		public @Nullable ImportSummary summary() {
			return this.summary;
		}

		public @Nullable String error() {
			return this.error;
		}

		public @Nullable Instant finishedAt() {
			return this.finishedAt;
		}

		public boolean running() {
			return this.finishedAt == null;
		}

	}

}
