package io.cachet.cluster;

import java.time.Clock;
import java.time.Duration;

import io.github.bucket4j.BucketConfiguration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The buckets behind every rate limit on a single node: bounded in memory.
 */
class RateLimitsTests {

	static final BucketConfiguration THREE_A_MINUTE = BucketConfiguration.builder()
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

}
