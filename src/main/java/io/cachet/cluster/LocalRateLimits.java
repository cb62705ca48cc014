package io.cachet.cluster;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.LocalBucketBuilder;

/**
 * The buckets of a single node, in a Caffeine cache bounded in size (a flood of new keys
 * evicts the least used buckets, never grows the heap) and in time (a bucket untouched
 * for a day has refilled long ago).
 */
class LocalRateLimits implements RateLimits {

	static final int MAX_KEYS = 100_000;

	private static final Duration IDLE = Duration.ofDays(1);

	private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
		.maximumSize(MAX_KEYS)
		.expireAfterAccess(IDLE)
		.build();

	private final TimeMeter time;

	LocalRateLimits(Clock clock) {
		this.time = RateLimits.timeMeter(clock);
	}

	@Override
	public Bucket bucket(String key, Supplier<BucketConfiguration> configuration) {
		return this.buckets.get(key, (k) -> create(configuration.get()));
	}

	@Override
	public Optional<Bucket> existing(String key, Supplier<BucketConfiguration> configuration) {
		return Optional.ofNullable(this.buckets.getIfPresent(key));
	}

	@Override
	public void forget(String key) {
		this.buckets.invalidate(key);
	}

	@Override
	public void forgetAll(String prefix) {
		this.buckets.asMap().keySet().removeIf((key) -> key.startsWith(prefix));
	}

	long size() {
		this.buckets.cleanUp();
		return this.buckets.estimatedSize();
	}

	private Bucket create(BucketConfiguration configuration) {
		LocalBucketBuilder builder = Bucket.builder().withCustomTimePrecision(this.time);
		for (Bandwidth bandwidth : configuration.getBandwidths()) {
			builder.addLimit(bandwidth);
		}
		return builder.build();
	}

}
