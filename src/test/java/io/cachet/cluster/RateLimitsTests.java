package io.cachet.cluster;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import io.github.bucket4j.BucketConfiguration;
import org.junit.jupiter.api.Test;

import io.cachet.persistence.EnabledIfDatabaseServer;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The buckets behind every rate limit: bounded in memory on one node, shared through
 * Redis by the nodes of a cluster.
 */
class RateLimitsTests {

	private static final BucketConfiguration THREE_A_MINUTE = BucketConfiguration.builder()
		.addLimit((limit) -> limit.capacity(3).refillIntervally(3, Duration.ofMinutes(1)))
		.build();

	@Test
	void anyNumberOfKeysStaysWithinTheBound() {
		LocalRateLimits limits = new LocalRateLimits(Clock.systemUTC());
		for (int i = 0; i < LocalRateLimits.MAX_KEYS * 2; i++) {
			limits.bucket("flood:" + i, () -> THREE_A_MINUTE).tryConsume(1);
		}

		assertThat(limits.size()).isLessThanOrEqualTo(LocalRateLimits.MAX_KEYS);
	}

	@Test
	void askingWhetherABucketExistsCreatesNone() {
		LocalRateLimits limits = new LocalRateLimits(Clock.systemUTC());

		assertThat(limits.existing("never-used", () -> THREE_A_MINUTE)).isEmpty();
		assertThat(limits.size()).isZero();
	}

	@Test
	void ipv6ClientsAreCountedByTheirNetwork() {
		assertThat(RateLimits.clientKey("2001:db8:0:1::1")).isEqualTo(RateLimits.clientKey("2001:db8:0:1:ffff::2"))
			.isNotEqualTo(RateLimits.clientKey("2001:db8:0:2::1"));
		assertThat(RateLimits.clientKey("192.0.2.1")).isEqualTo("192.0.2.1");
	}

	@Test
	@EnabledIfDatabaseServer(name = "Redis", port = 6379)
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
			assertThat(a.existing(prefix + "client", () -> THREE_A_MINUTE)).isEmpty();
			assertThat(a.bucket(prefix + "client", () -> THREE_A_MINUTE).tryConsume(2)).isTrue();
			assertThat(b.bucket(prefix + "client", () -> THREE_A_MINUTE).tryConsume(1)).isTrue();
			assertThat(a.bucket(prefix + "client", () -> THREE_A_MINUTE).tryConsume(1)).isFalse();
			assertThat(template.getExpire("cachet:bucket:" + prefix + "client")).isPositive();

			b.forgetAll(prefix);
			assertThat(a.existing(prefix + "client", () -> THREE_A_MINUTE)).isEmpty();
		}
		finally {
			a.forgetAll(prefix);
			a.destroy();
			b.destroy();
			factory.destroy();
		}
	}

}
