package io.cachet.shared;

import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A value that is expensive to read (a count in the database, say) read again at most
 * once per {@code maxAge}, for gauges that a metrics scrape may read many times a minute.
 * When reading fails the {@code fallback} is returned until the next attempt.
 *
 * @param <T> the value's type
 */
public final class CachedValue<T> {

	private static final Logger logger = LoggerFactory.getLogger(CachedValue.class);

	private final Supplier<T> reader;

	private final T fallback;

	private final long maxAgeNanos;

	private final ReentrantLock reading = new ReentrantLock();

	private volatile @Nullable T value;

	private volatile long readAt;

	public CachedValue(Duration maxAge, T fallback, Supplier<T> reader) {
		this.reader = reader;
		this.fallback = fallback;
		this.maxAgeNanos = maxAge.toNanos();
	}

	/**
	 * @return the value read at most {@code maxAge} ago, or the fallback when the last
	 * read failed; while one caller reads a new value, the others get the previous one
	 * rather than wait for a slow database
	 */
	public T get() {
		T current = this.value;
		if (current != null && System.nanoTime() - this.readAt < this.maxAgeNanos) {
			return current;
		}
		if (current != null && !this.reading.tryLock()) {
			return current;
		}
		if (current == null) {
			this.reading.lock();
		}
		try {
			current = this.value;
			if (current != null && System.nanoTime() - this.readAt < this.maxAgeNanos) {
				return current;
			}
			try {
				current = this.reader.get();
			}
			catch (RuntimeException ex) {
				logger.debug("Could not read a metric value: {}", ex.getMessage());
				current = this.fallback;
			}
			this.value = current;
			this.readAt = System.nanoTime();
			return current;
		}
		finally {
			this.reading.unlock();
		}
	}

}
