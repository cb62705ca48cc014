package io.cachet.api;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/v1} takes a limited number of requests per client and minute.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "cachet.test.context=rate-limit", "cachet.api.rate-limit=5" })
class ApiRateLimitIntegrationTests {

	@LocalServerPort
	int port;

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
		assertThat(refused.raw().headers().firstValue("Retry-After")).hasValue("60");
		assertThat(refused.json().path("errors").get(0).path("status").asInt()).isEqualTo(429);

		// another client (a token) has its own budget; heartbeats and /api/v2 are not
		// counted
		assertThat(api.get("/api/v1/ping", Map.of("X-Cachet-Token", "someone-else")).status()).isNotEqualTo(429);
		assertThat(api.get("/api/v1/monitors/push/" + "0".repeat(40)).status()).isEqualTo(404);
		assertThat(api.get("/api/v2/status.json").status()).isNotEqualTo(429);
	}

}
