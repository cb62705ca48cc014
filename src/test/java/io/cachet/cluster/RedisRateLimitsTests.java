package io.cachet.cluster;

import java.time.Clock;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.cachet.persistence.EnabledIfDatabaseServer;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The buckets of a cluster, in Redis through Bucket4j's Lettuce proxy manager: every node
 * takes from the same bucket, and a bucket's key expires.
 */
@EnabledIfDatabaseServer(name = "Redis", port = 6379)
class RedisRateLimitsTests {

	@Test
	void twoNodesTakeFromTheSameBucketInRedis() throws Exception {
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", 6379));
		factory.afterPropertiesSet();
		StringRedisTemplate template = new StringRedisTemplate(factory);
		RedisRateLimits a = new RedisRateLimits(factory, template, Clock.systemUTC());
		RedisRateLimits b = new RedisRateLimits(factory, template, Clock.systemUTC());
		// this run's keys only: the server may be shared
		String prefix = "test:" + UUID.randomUUID() + ":";
		try {
			assertThat(a.existing(prefix + "client", () -> RateLimitsTests.THREE_A_MINUTE)).isEmpty();
			assertThat(a.bucket(prefix + "client", () -> RateLimitsTests.THREE_A_MINUTE).tryConsume(2)).isTrue();
			assertThat(b.bucket(prefix + "client", () -> RateLimitsTests.THREE_A_MINUTE).tryConsume(1)).isTrue();
			assertThat(a.bucket(prefix + "client", () -> RateLimitsTests.THREE_A_MINUTE).tryConsume(1)).isFalse();
			assertThat(template.getExpire("cachet:bucket:" + prefix + "client")).isPositive();

			b.forgetAll(prefix);
			assertThat(a.existing(prefix + "client", () -> RateLimitsTests.THREE_A_MINUTE)).isEmpty();
		}
		finally {
			a.forgetAll(prefix);
			a.destroy();
			b.destroy();
			factory.destroy();
		}
	}

}
