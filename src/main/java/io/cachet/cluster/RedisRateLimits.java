package io.cachet.cluster;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The buckets of the cluster, in Redis through Bucket4j's Lettuce proxy manager (on a
 * connection of the Lettuce client that Spring Data Redis configured). A bucket's key
 * expires a minute after the bucket has refilled, so Redis holds only the buckets in use.
 */
class RedisRateLimits implements RateLimits, DisposableBean {

	private static final String PREFIX = "cachet:bucket:";

	private static final Duration KEEP_AFTER_REFILL = Duration.ofMinutes(1);

	private final StatefulConnection<String, byte[]> connection;

	private final ProxyManager<String> buckets;

	private final StringRedisTemplate redis;

	RedisRateLimits(RedisConnectionFactory factory, StringRedisTemplate redis, Clock clock) {
		this.redis = redis;
		if (!(factory instanceof LettuceConnectionFactory lettuce)) {
			throw new IllegalStateException("Cluster mode needs the Lettuce Redis client, found " + factory);
		}
		AbstractRedisClient client = lettuce.getRequiredNativeClient();
		RedisCodec<String, byte[]> codec = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);
		ExpirationAfterWriteStrategy expiry = ExpirationAfterWriteStrategy
			.basedOnTimeForRefillingBucketUpToMax(KEEP_AFTER_REFILL);
		if (client instanceof RedisClusterClient cluster) {
			StatefulRedisClusterConnection<String, byte[]> clustered = cluster.connect(codec);
			this.connection = clustered;
			this.buckets = Bucket4jLettuce.casBasedBuilder(clustered)
				.expirationAfterWrite(expiry)
				.clientClock(RateLimits.timeMeter(clock))
				.build();
		}
		else {
			StatefulRedisConnection<String, byte[]> single = ((RedisClient) client).connect(codec);
			this.connection = single;
			this.buckets = Bucket4jLettuce.casBasedBuilder(single)
				.expirationAfterWrite(expiry)
				.clientClock(RateLimits.timeMeter(clock))
				.build();
		}
	}

	@Override
	public Bucket bucket(String key, Supplier<BucketConfiguration> configuration) {
		return this.buckets.getProxy(PREFIX + key, configuration);
	}

	@Override
	public Optional<Bucket> existing(String key, Supplier<BucketConfiguration> configuration) {
		return this.buckets.getProxyConfiguration(PREFIX + key).map((found) -> bucket(key, configuration));
	}

	@Override
	public void forget(String key) {
		this.buckets.removeProxy(PREFIX + key);
	}

	@Override
	public void forgetAll(String prefix) {
		Set<String> keys = this.redis.keys(PREFIX + prefix + "*");
		if (keys != null && !keys.isEmpty()) {
			this.redis.delete(keys);
		}
	}

	@Override
	public void destroy() {
		this.connection.close();
	}

}
