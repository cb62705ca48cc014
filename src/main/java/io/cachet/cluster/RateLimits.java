package io.cachet.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;

/**
 * Bucket4j token buckets by key (failed logins per account and address, subscribe
 * requests per address, API calls per user): in a bounded Caffeine cache on a single
 * node, in Redis across a cluster so that every node takes from the same buckets. Memory
 * stays bounded for any number of keys: the local cache drops the least used buckets past
 * {@value LocalRateLimits#MAX_KEYS}, and Redis expires a bucket once it has refilled.
 */
public interface RateLimits {

	/**
	 * @return the bucket under {@code key}, created full with the configuration on first
	 * use
	 */
	Bucket bucket(String key, Supplier<BucketConfiguration> configuration);

	/**
	 * @return the bucket under {@code key} if something was taken from it lately; asking
	 * creates nothing, so a check on every request does not fill the memory
	 */
	Optional<Bucket> existing(String key, Supplier<BucketConfiguration> configuration);

	/**
	 * Forgets one bucket (it is full again on next use).
	 */
	void forget(String key);

	/**
	 * Forgets every bucket whose key starts with {@code prefix}.
	 */
	void forgetAll(String prefix);

	/**
	 * @return buckets of this node only, timed by {@code clock}
	 */
	static RateLimits inMemory(Clock clock) {
		return new LocalRateLimits(clock);
	}

	/**
	 * @return the part of a client address that identifies a client: the address for
	 * IPv4, the /64 network for IPv6 (one subscriber line gets a whole /64, so counting
	 * single IPv6 addresses would give each client billions of budgets)
	 */
	static String clientKey(String address) {
		if (address.indexOf(':') < 0) {
			return address;
		}
		try {
			// a literal: no name lookup
			byte[] bytes = InetAddress.getByName(address).getAddress();
			if (bytes.length == 16) {
				return "v6:" + java.util.HexFormat.of().formatHex(Arrays.copyOf(bytes, 8)) + "/64";
			}
		}
		catch (UnknownHostException | SecurityException ex) {
			// not a literal address: counted as it is
		}
		return address;
	}

	/**
	 * Bucket4j time from a {@link Clock}, so that tests can move time.
	 */
	static TimeMeter timeMeter(Clock clock) {
		return new TimeMeter() {

			@Override
			public long currentTimeNanos() {
				Instant now = clock.instant();
				return now.getEpochSecond() * 1_000_000_000L + now.getNano();
			}

			@Override
			public boolean isWallClockBased() {
				return true;
			}

		};
	}

}
