package io.cachet.dashboard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;

import org.springframework.stereotype.Component;

import io.cachet.cluster.RateLimits;

/**
 * Slows down password and two-factor guessing without letting anyone lock the owner out.
 * Failures are counted per account <em>and</em> address (the pair) and, more loosely, per
 * address across accounts. Past {@value #FREE_PER_PAIR} failures of a pair (or
 * {@value #FREE_PER_ADDRESS} of an address) every attempt must wait, {@link #FIRST_WAIT}
 * first, each further failure doubling the wait up to {@link #MAX_WAIT}; attempts during
 * a wait are refused without checking the password. The owner, from their own address, is
 * not held up by someone failing on purpose from another one. A success clears the pair
 * (never the address: an attacker with an account of their own could otherwise reset
 * their address). Strikes fade, one per {@link #STRIKE_FADES}, so an honest typo is
 * forgotten.
 * <p>
 * Two Bucket4j buckets per key ({@link RateLimits}, shared by the cluster): the strikes
 * (tokens taken are failures, the bucket refills as they fade) and the gate, which is
 * full when one may try and owes the wait in seconds after a failure.
 */
@Component
class LoginThrottle {

	static final int FREE_PER_PAIR = 5;

	static final int FREE_PER_ADDRESS = 30;

	static final Duration FIRST_WAIT = Duration.ofSeconds(15);

	static final Duration MAX_WAIT = Duration.ofMinutes(15);

	static final Duration STRIKE_FADES = Duration.ofMinutes(30);

	private static final int MAX_STRIKES = 64;

	private static final String PREFIX = "login:";

	private static final BucketConfiguration STRIKES = BucketConfiguration.builder()
		.addLimit((limit) -> limit.capacity(MAX_STRIKES).refillGreedy(1, STRIKE_FADES))
		.build();

	private static final BucketConfiguration GATE = BucketConfiguration.builder()
		.addLimit((limit) -> limit.capacity(MAX_WAIT.toSeconds()).refillGreedy(MAX_WAIT.toSeconds(), MAX_WAIT))
		.build();

	private final RateLimits limits;

	LoginThrottle(RateLimits limits) {
		this.limits = limits;
	}

	/**
	 * @return how long the client at {@code address} must wait before trying
	 * {@code login} again, {@link Duration#ZERO} when it may try now
	 */
	Duration retryAfter(String login, String address) {
		Duration pair = wait(pairKey(login, address));
		Duration client = wait(addressKey(address));
		return (pair.compareTo(client) >= 0) ? pair : client;
	}

	boolean isBlocked(String login, String address) {
		return !retryAfter(login, address).isZero();
	}

	void recordFailure(String login, String address) {
		strike(pairKey(login, address), FREE_PER_PAIR);
		strike(addressKey(address), FREE_PER_ADDRESS);
	}

	/**
	 * A successful login clears the pair's failures (not the address's).
	 */
	void recordSuccess(String login, String address) {
		String pair = pairKey(login, address);
		this.limits.forget(pair + ":strikes");
		this.limits.forget(pair + ":gate");
	}

	/**
	 * Forgets every failure (all accounts and addresses unblocked).
	 */
	void clear() {
		this.limits.forgetAll(PREFIX);
	}

	private Duration wait(String key) {
		return this.limits.existing(key + ":gate", () -> GATE)
			.map((gate) -> Duration
				.ofNanos(gate.estimateAbilityToConsume(MAX_WAIT.toSeconds()).getNanosToWaitForRefill()))
			.orElse(Duration.ZERO);
	}

	private void strike(String key, int free) {
		Bucket strikes = this.limits.bucket(key + ":strikes", () -> STRIKES);
		strikes.tryConsume(1);
		long failures = MAX_STRIKES - strikes.getAvailableTokens();
		if (failures < free) {
			return;
		}
		long doublings = Math.min(failures - free, 30);
		long seconds = Math.min(MAX_WAIT.toSeconds(), FIRST_WAIT.toSeconds() << doublings);
		Bucket gate = this.limits.bucket(key + ":gate", () -> GATE);
		// the wait is the gate's debt: raise it to this failure's wait, never add up
		long owed = MAX_WAIT.toSeconds() - gate.getAvailableTokens();
		if (seconds > owed) {
			gate.consumeIgnoringRateLimits(seconds - owed);
		}
	}

	private static String pairKey(String login, String address) {
		// hashed: a login name is whatever the client typed, of any length
		return PREFIX + "pair:" + sha256(login.strip().toLowerCase(Locale.ROOT) + "\n" + RateLimits.clientKey(address));
	}

	private static String addressKey(String address) {
		return PREFIX + "address:" + RateLimits.clientKey(address);
	}

	private static String sha256(String value) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
