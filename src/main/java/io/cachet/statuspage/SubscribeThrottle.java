package io.cachet.statuspage;

import java.time.Duration;

import org.springframework.stereotype.Component;

import io.cachet.cluster.WindowCounters;

/**
 * Keeps the public subscribe form from being used to flood mailboxes: at most 10 requests
 * per 10 minutes from one address, and at most 3 e-mails per hour to one mailbox. Counted
 * across the cluster when there is one ({@link WindowCounters}).
 */
@Component
class SubscribeThrottle {

	static final int PER_CLIENT = 10;

	static final Duration CLIENT_WINDOW = Duration.ofMinutes(10);

	static final int PER_MAILBOX = 3;

	static final Duration MAILBOX_WINDOW = Duration.ofHours(1);

	private final WindowCounters counters;

	SubscribeThrottle(WindowCounters counters) {
		this.counters = counters;
	}

	boolean allowClient(String address) {
		return allow("subscribe:client:" + address, PER_CLIENT, CLIENT_WINDOW);
	}

	boolean allowMailbox(String email) {
		return allow("subscribe:mailbox:" + email, PER_MAILBOX, MAILBOX_WINDOW);
	}

	void clear() {
		this.counters.resetAll("subscribe:");
	}

	private boolean allow(String key, int max, Duration window) {
		if (this.counters.count(key, window) >= max) {
			return false;
		}
		this.counters.add(key, window);
		return true;
	}

}
