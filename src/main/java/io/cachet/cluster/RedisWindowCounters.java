package io.cachet.cluster;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Window counters shared by the cluster: a Redis sorted set per key, scored by time
 * ({@code ZADD}, {@code ZREMRANGEBYSCORE} for the old ones, {@code ZCARD}), expiring with
 * its window.
 */
class RedisWindowCounters implements WindowCounters {

	private static final String PREFIX = "cachet:window:";

	private final StringRedisTemplate redis;

	private final Clock clock;

	RedisWindowCounters(StringRedisTemplate redis, Clock clock) {
		this.redis = redis;
		this.clock = clock;
	}

	@Override
	public void add(String key, Duration window) {
		long now = this.clock.millis();
		String redisKey = PREFIX + key;
		this.redis.opsForZSet().add(redisKey, now + ":" + UUID.randomUUID(), now);
		this.redis.opsForZSet().removeRangeByScore(redisKey, 0, now - window.toMillis());
		this.redis.expire(redisKey, window);
	}

	@Override
	public int count(String key, Duration window) {
		long now = this.clock.millis();
		Long count = this.redis.opsForZSet().count(PREFIX + key, now - window.toMillis() + 1, Double.MAX_VALUE);
		return (count != null) ? count.intValue() : 0;
	}

	@Override
	public void reset(String key) {
		this.redis.delete(PREFIX + key);
	}

	@Override
	public void resetAll(String prefix) {
		Set<String> keys = this.redis.keys(PREFIX + prefix + "*");
		if (keys != null && !keys.isEmpty()) {
			this.redis.delete(keys);
		}
	}

}
