package io.cachet.api;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cachet.IsolatedIntegrationTest;
import io.cachet.TestUsers;
import io.cachet.cluster.RateLimits;
import io.cachet.user.UserService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/v1} takes a limited number of requests per client and minute.
 */
@IsolatedIntegrationTest(properties = "cachet.api.rate-limit=5")
class ApiRateLimitIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	UserService users;

	@Autowired
	RateLimits limits;

	@BeforeEach
	void everyClientStartsWithAFullBudget() {
		this.limits.forgetAll("api:");
	}

	@Test
	void aClientOverTheLimitGets429UntilTheMinuteHasPassed() {
		ApiTestClient api = new ApiTestClient(this.port);
		for (int i = 0; i < 5; i++) {
			ApiTestClient.Response answer = api.get("/api/v1/ping");
			assertThat(answer.status()).isEqualTo(200);
			assertThat(answer.raw().headers().firstValue("X-RateLimit-Remaining")).hasValue(String.valueOf(4 - i));
		}
		ApiTestClient.Response refused = api.get("/api/v1/ping");
		assertThat(refused.status()).isEqualTo(429);
		assertThat(Integer.parseInt(refused.raw().headers().firstValue("Retry-After").orElseThrow())).isBetween(1, 60);
		assertThat(refused.json().path("errors").get(0).path("status").asInt()).isEqualTo(429);

		// heartbeats and /api/v2 are not counted
		assertThat(api.get("/api/v1/monitors/push/" + "0".repeat(40)).status()).isEqualTo(404);
		assertThat(api.get("/api/v2/status.json").status()).isNotEqualTo(429);
	}

	/**
	 * Before, the limit was keyed on the token as sent: a new made-up token per request
	 * was a new budget.
	 */
	@Test
	void madeUpTokensAreCountedByAddressAndAValidTokenHasItsOwnBudget() {
		ApiTestClient api = new ApiTestClient(this.port);
		for (int i = 0; i < 5; i++) {
			api.get("/api/v1/ping", Map.of("X-Cachet-Token", UUID.randomUUID().toString()));
		}
		assertThat(api.get("/api/v1/ping", Map.of("X-Cachet-Token", UUID.randomUUID().toString())).status())
			.isEqualTo(429);
		assertThat(api.get("/api/v1/ping").status()).isEqualTo(429);

		String token = this.users.createUser(TestUsers.admin("limited-" + UUID.randomUUID())).apiToken();
		ApiTestClient.Response user = api.get("/api/v1/ping", Map.of("X-Cachet-Token", token));
		assertThat(user.status()).isEqualTo(200);
		assertThat(user.raw().headers().firstValue("X-RateLimit-Remaining")).hasValue("4");
	}

}
