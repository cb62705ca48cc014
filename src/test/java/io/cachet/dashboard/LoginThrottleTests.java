package io.cachet.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.cachet.cluster.RateLimits;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The login throttle against someone who fails on purpose: it slows the attacker down
 * more with every failure, and never the owner at another address.
 */
class LoginThrottleTests {

	private static final String ATTACKER = "203.0.113.9";

	private static final String OWNER = "198.51.100.7";

	private final MovableClock clock = new MovableClock();

	private final LoginThrottle throttle = new LoginThrottle(RateLimits.inMemory(this.clock));

	@Test
	void anAttackerFailingOnPurposeDoesNotLockTheOwnerOut() {
		for (int i = 0; i < LoginThrottle.FREE_PER_PAIR * 3; i++) {
			this.throttle.recordFailure("admin", ATTACKER);
		}

		assertThat(this.throttle.isBlocked("admin", ATTACKER)).isTrue();
		assertThat(this.throttle.isBlocked("admin", OWNER)).isFalse();
		assertThat(this.throttle.isBlocked("Admin ", OWNER)).isFalse();
	}

	@Test
	void eachFurtherFailureDoublesTheWaitUpToTheCap() {
		for (int i = 1; i < LoginThrottle.FREE_PER_PAIR; i++) {
			this.throttle.recordFailure("admin", ATTACKER);
			assertThat(this.throttle.retryAfter("admin", ATTACKER)).as("failure %d", i).isZero();
		}
		Duration expected = LoginThrottle.FIRST_WAIT;
		for (int failure = LoginThrottle.FREE_PER_PAIR; failure < LoginThrottle.FREE_PER_PAIR + 10; failure++) {
			this.throttle.recordFailure("admin", ATTACKER);
			Duration wait = this.throttle.retryAfter("admin", ATTACKER);
			assertThat(wait).as("failure %d", failure)
				.isBetween(expected.minusSeconds(1), expected)
				.isLessThanOrEqualTo(LoginThrottle.MAX_WAIT);
			// still refused a moment before the end of the wait, free to try at its end
			this.clock.advance(wait.minusSeconds(1));
			assertThat(this.throttle.isBlocked("admin", ATTACKER)).isTrue();
			this.clock.advance(Duration.ofSeconds(1));
			assertThat(this.throttle.isBlocked("admin", ATTACKER)).isFalse();
			expected = min(expected.multipliedBy(2), LoginThrottle.MAX_WAIT);
		}
		assertThat(expected).isEqualTo(LoginThrottle.MAX_WAIT);
	}

	@Test
	void aSuccessClearsThePairButNotTheAddress() {
		for (int i = 0; i < LoginThrottle.FREE_PER_PAIR; i++) {
			this.throttle.recordFailure("admin", ATTACKER);
		}
		assertThat(this.throttle.isBlocked("admin", ATTACKER)).isTrue();

		this.throttle.recordSuccess("admin", ATTACKER);

		assertThat(this.throttle.isBlocked("admin", ATTACKER)).isFalse();
		this.throttle.recordFailure("admin", ATTACKER);
		assertThat(this.throttle.isBlocked("admin", ATTACKER)).as("the count starts again").isFalse();
	}

	@Test
	void oneAddressGuessingManyAccountsIsSlowedDownAcrossThem() {
		for (int i = 0; i < LoginThrottle.FREE_PER_ADDRESS; i++) {
			this.throttle.recordFailure("user" + i, ATTACKER);
		}

		assertThat(this.throttle.isBlocked("someone-else", ATTACKER)).isTrue();
		assertThat(this.throttle.isBlocked("someone-else", OWNER)).isFalse();
	}

	@Test
	void strikesFadeSoAnOldTypoIsForgotten() {
		for (int i = 0; i < LoginThrottle.FREE_PER_PAIR - 1; i++) {
			this.throttle.recordFailure("admin", OWNER);
		}
		this.clock.advance(LoginThrottle.STRIKE_FADES.multipliedBy(LoginThrottle.FREE_PER_PAIR));

		this.throttle.recordFailure("admin", OWNER);

		assertThat(this.throttle.isBlocked("admin", OWNER)).isFalse();
	}

	@Test
	void anIpv6ClientIsCountedByItsNetwork() {
		for (int i = 0; i < LoginThrottle.FREE_PER_PAIR; i++) {
			this.throttle.recordFailure("admin", "2001:db8:1:2:0:0:0:" + Integer.toHexString(i + 1));
		}

		assertThat(this.throttle.isBlocked("admin", "2001:db8:1:2::ffff")).isTrue();
		assertThat(this.throttle.isBlocked("admin", "2001:db8:1:3::1")).isFalse();
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

	static final class MovableClock extends Clock {

		private Instant now = Instant.parse("2026-12-01T10:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
