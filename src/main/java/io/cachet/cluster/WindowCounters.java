package io.cachet.cluster;

import java.time.Duration;

/**
 * Counts events per key over a sliding window (failed logins per account, subscribe
 * requests per address): in memory on a single node, in Redis in a cluster so that every
 * node counts the same events.
 */
public interface WindowCounters {

	/**
	 * Records an event now.
	 */
	void add(String key, Duration window);

	/**
	 * @return the events of the last {@code window}
	 */
	int count(String key, Duration window);

	/**
	 * Forgets the events of one key.
	 */
	void reset(String key);

	/**
	 * Forgets the events of every key that starts with {@code prefix}.
	 */
	void resetAll(String prefix);

}
