package io.cachet.statuspage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Keeps the public subscribe form from being used to flood mailboxes: at most 10 requests
 * per 10 minutes from one address, and at most 3 e-mails per hour to one mailbox. Counted
 * on this node (a cluster counts per node until issue 8).
 */
@Component
class SubscribeThrottle {

	static final int PER_CLIENT = 10;

	static final Duration CLIENT_WINDOW = Duration.ofMinutes(10);

	static final int PER_MAILBOX = 3;

	static final Duration MAILBOX_WINDOW = Duration.ofHours(1);

	private static final int MAX_KEYS = 100_000;

	private final Map<String, Deque<Instant>> requests = new ConcurrentHashMap<>();

	private final Clock clock;

	SubscribeThrottle(Clock clock) {
		this.clock = clock;
	}

	boolean allowClient(String address) {
		return allow("client:" + address, PER_CLIENT, CLIENT_WINDOW);
	}

	boolean allowMailbox(String email) {
		return allow("mailbox:" + email, PER_MAILBOX, MAILBOX_WINDOW);
	}

	void clear() {
		this.requests.clear();
	}

	private boolean allow(String key, int max, Duration window) {
		Instant now = this.clock.instant();
		if (this.requests.size() > MAX_KEYS) {
			this.requests.values().removeIf((times) -> {
				synchronized (times) {
					return times.isEmpty() || times.peekLast().isBefore(now.minus(MAILBOX_WINDOW));
				}
			});
		}
		Deque<Instant> times = this.requests.computeIfAbsent(key, (k) -> new ArrayDeque<>());
		synchronized (times) {
			while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(window))) {
				times.pollFirst();
			}
			if (times.size() >= max) {
				return false;
			}
			times.addLast(now);
			return true;
		}
	}

}
