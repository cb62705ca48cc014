package io.cachet.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Window counters of a single node, kept in memory (and trimmed when they grow large).
 */
class LocalWindowCounters implements WindowCounters {

	private static final int MAX_KEYS = 100_000;

	private final Map<String, Deque<Instant>> events = new ConcurrentHashMap<>();

	private final Clock clock;

	LocalWindowCounters(Clock clock) {
		this.clock = clock;
	}

	@Override
	public void add(String key, Duration window) {
		Instant now = this.clock.instant();
		this.events.compute(key, (k, times) -> {
			Deque<Instant> list = (times != null) ? times : new ArrayDeque<>();
			synchronized (list) {
				prune(list, now, window);
				list.addLast(now);
			}
			return list;
		});
		if (this.events.size() > MAX_KEYS) {
			this.events.values().removeIf((times) -> {
				synchronized (times) {
					prune(times, now, Duration.ofHours(1));
					return times.isEmpty();
				}
			});
		}
	}

	@Override
	public int count(String key, Duration window) {
		Deque<Instant> times = this.events.get(key);
		if (times == null) {
			return 0;
		}
		synchronized (times) {
			prune(times, this.clock.instant(), window);
			return times.size();
		}
	}

	@Override
	public void reset(String key) {
		this.events.remove(key);
	}

	@Override
	public void resetAll(String prefix) {
		this.events.keySet().removeIf((key) -> key.startsWith(prefix));
	}

	private static void prune(Deque<Instant> times, Instant now, Duration window) {
		Instant oldest = now.minus(window);
		while (!times.isEmpty() && !times.peekFirst().isAfter(oldest)) {
			times.removeFirst();
		}
	}

}
