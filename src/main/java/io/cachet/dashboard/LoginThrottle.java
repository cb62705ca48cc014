package io.cachet.dashboard;

import java.time.Duration;
import java.util.Locale;

import org.springframework.stereotype.Component;

import io.cachet.cluster.WindowCounters;

/**
 * Counts failed logins (passwords and two-factor codes) per account and per client
 * address: after {@value #MAX_FAILURES} failures within {@link #WINDOW}, further attempts
 * are refused without checking the password until the oldest failure leaves the window.
 * Counting per address stops one client guessing many accounts; counting per account
 * stops many clients guessing one. Counted in memory on a single node, in Redis across a
 * cluster ({@link WindowCounters}).
 */
@Component
class LoginThrottle {

	static final int MAX_FAILURES = 10;

	static final Duration WINDOW = Duration.ofMinutes(10);

	private static final String PREFIX = "login:";

	private final WindowCounters counters;

	LoginThrottle(WindowCounters counters) {
		this.counters = counters;
	}

	boolean isBlocked(String login, String address) {
		return this.counters.count(accountKey(login), WINDOW) >= MAX_FAILURES
				|| this.counters.count(addressKey(address), WINDOW) >= MAX_FAILURES;
	}

	void recordFailure(String login, String address) {
		this.counters.add(accountKey(login), WINDOW);
		this.counters.add(addressKey(address), WINDOW);
	}

	/**
	 * A successful login clears the account's failures (not the address's).
	 */
	void recordSuccess(String login) {
		this.counters.reset(accountKey(login));
	}

	/**
	 * Forgets every failure (all accounts and addresses unblocked).
	 */
	void clear() {
		this.counters.resetAll(PREFIX);
	}

	private static String accountKey(String login) {
		return PREFIX + "account:" + login.strip().toLowerCase(Locale.ROOT);
	}

	private static String addressKey(String address) {
		return PREFIX + "address:" + address;
	}

}
