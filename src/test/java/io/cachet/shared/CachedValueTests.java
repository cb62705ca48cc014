package io.cachet.shared;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CachedValueTests {

	@Test
	void readsOncePerMaxAge() {
		var reads = new AtomicInteger();
		var value = new CachedValue<>(Duration.ofHours(1), -1, reads::incrementAndGet);
		assertThat(value.get()).isEqualTo(1);
		assertThat(value.get()).isEqualTo(1);
		assertThat(reads).hasValue(1);
	}

	@Test
	void readsAgainOnceTheValueIsOld() throws InterruptedException {
		var reads = new AtomicInteger();
		var value = new CachedValue<>(Duration.ofMillis(20), -1, reads::incrementAndGet);
		assertThat(value.get()).isEqualTo(1);
		Thread.sleep(40);
		assertThat(value.get()).isEqualTo(2);
	}

	@Test
	void fallsBackWhenReadingFails() throws InterruptedException {
		var failing = new java.util.concurrent.atomic.AtomicBoolean(true);
		var value = new CachedValue<>(Duration.ofMillis(20), -1, () -> {
			if (failing.get()) {
				throw new IllegalStateException("database down");
			}
			return 7;
		});
		assertThat(value.get()).isEqualTo(-1);
		failing.set(false);
		assertThat(value.get()).as("the failure is remembered for maxAge").isEqualTo(-1);
		Thread.sleep(40);
		assertThat(value.get()).isEqualTo(7);
	}

}
