package io.cachet.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.cachet.IsolatedIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two people finishing the setup wizard of a fresh install at the same moment, with
 * different accounts: one of them makes the first admin, the other is told the setup is
 * done, and the install has one admin. Its own context: it needs a new install with no
 * users.
 */
@IsolatedIntegrationTest
class SetupRaceIntegrationTests {

	private static final int PEOPLE = 8;

	@Autowired
	SetupService setup;

	@Autowired
	JdbcClient jdbc;

	@Test
	void concurrentSetupsMakeOneAdmin() throws Exception {
		assertThat(users()).isZero();
		CyclicBarrier start = new CyclicBarrier(PEOPLE);
		ExecutorService pool = Executors.newFixedThreadPool(PEOPLE);
		try {
			List<Future<Boolean>> outcomes = new ArrayList<>();
			for (int i = 0; i < PEOPLE; i++) {
				SetupForm form = new SetupForm("Page " + i, "https://status.example.com", "UTC", "en", "owner" + i,
						"owner" + i + "@example.com", "correct horse battery", "correct horse battery");
				outcomes.add(pool.submit(() -> {
					start.await(10, TimeUnit.SECONDS);
					return this.setup.complete(form);
				}));
			}
			int completed = 0;
			for (Future<Boolean> outcome : outcomes) {
				if (outcome.get(60, TimeUnit.SECONDS)) {
					completed++;
				}
			}
			assertThat(completed).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(users()).isEqualTo(1);
	}

	private long users() {
		return this.jdbc.sql("SELECT COUNT(*) FROM users").query(Long.class).single();
	}

}
