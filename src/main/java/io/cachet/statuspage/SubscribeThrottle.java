package io.cachet.statuspage;

import java.time.Duration;
import java.util.Locale;

import io.github.bucket4j.BucketConfiguration;

import org.springframework.stereotype.Component;

import io.cachet.cluster.RateLimits;

/**
 * Keeps the public subscribe form from being used to flood mailboxes: at most
 * {@value #PER_CLIENT} requests per {@link #CLIENT_WINDOW} from one address, and at most
 * {@value #PER_MAILBOX} e-mails per {@link #MAILBOX_WINDOW} to one mailbox. Bucket4j
 * buckets, shared by the cluster when there is one ({@link RateLimits}).
 */
@Component
class SubscribeThrottle {

	static final int PER_CLIENT = 10;

	static final Duration CLIENT_WINDOW = Duration.ofMinutes(10);

	static final int PER_MAILBOX = 3;

	static final Duration MAILBOX_WINDOW = Duration.ofHours(1);

	private static final String PREFIX = "subscribe:";

	private static final BucketConfiguration CLIENT = BucketConfiguration.builder()
		.addLimit((limit) -> limit.capacity(PER_CLIENT).refillGreedy(PER_CLIENT, CLIENT_WINDOW))
		.build();

	private static final BucketConfiguration MAILBOX = BucketConfiguration.builder()
		.addLimit((limit) -> limit.capacity(PER_MAILBOX).refillGreedy(PER_MAILBOX, MAILBOX_WINDOW))
		.build();

	private final RateLimits limits;

	SubscribeThrottle(RateLimits limits) {
		this.limits = limits;
	}

	boolean allowClient(String address) {
		return this.limits.bucket(PREFIX + "client:" + RateLimits.clientKey(address), () -> CLIENT).tryConsume(1);
	}

	/**
	 * @param email a valid address (at most 254 characters)
	 */
	boolean allowMailbox(String email) {
		return this.limits.bucket(PREFIX + "mailbox:" + email.toLowerCase(Locale.ROOT), () -> MAILBOX).tryConsume(1);
	}

	void clear() {
		this.limits.forgetAll(PREFIX);
	}

}
