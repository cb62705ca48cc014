package io.cachet.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Counts failed logins (passwords and two-factor codes) per account and per client
 * address: after {@value #MAX_FAILURES} failures within {@link #WINDOW}, further attempts
 * are refused without checking the password until the oldest failure leaves the window.
 * Counting per address stops one client guessing many accounts; counting per account
 * stops many clients guessing one. Kept in memory (cluster-wide counting comes with
 * Redis).
 */
@Component
class LoginThrottle {

	static final int MAX_FAILURES = 10;

	static final Duration WINDOW = Duration.ofMinutes(10);

	private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

	private final Clock clock;

	LoginThrottle(Clock clock) {
		this.clock = clock;
	}

	boolean isBlocked(String login, String address) {
		Instant now = this.clock.instant();
		return count(accountKey(login), now) >= MAX_FAILURES || count(addressKey(address), now) >= MAX_FAILURES;
	}

	void recordFailure(String login, String address) {
		Instant now = this.clock.instant();
		add(accountKey(login), now);
		add(addressKey(address), now);
		if (this.failures.size() > 100_000) {
			this.failures.entrySet().removeIf((entry) -> count(entry.getKey(), now) == 0);
		}
	}

	/**
	 * A successful login clears the account's failures (not the address's).
	 */
	void recordSuccess(String login) {
		this.failures.remove(accountKey(login));
	}

	/**
	 * Forgets every failure (all accounts and addresses unblocked).
	 */
	void clear() {
		this.failures.clear();
	}

	private void add(String key, Instant now) {
		this.failures.compute(key, (k, times) -> {
			Deque<Instant> list = (times != null) ? times : new ArrayDeque<>();
			synchronized (list) {
				prune(list, now);
				list.addLast(now);
			}
			return list;
		});
	}

	private int count(String key, Instant now) {
		Deque<Instant> times = this.failures.get(key);
		if (times == null) {
			return 0;
		}
		synchronized (times) {
			prune(times, now);
			return times.size();
		}
	}

	private static void prune(Deque<Instant> times, Instant now) {
		Instant oldest = now.minus(WINDOW);
		while (!times.isEmpty() && !times.peekFirst().isAfter(oldest)) {
			times.removeFirst();
		}
	}

	private static String accountKey(String login) {
		return "account:" + login.strip().toLowerCase(Locale.ROOT);
	}

	private static String addressKey(String address) {
		return "address:" + address;
	}

}
