package io.cachet.api;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.cachet.TestUsers;
import io.cachet.user.UserService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests real clients send that the first versions mishandled, over real HTTP: trailing
 * slashes, bodies and query strings Tomcat cannot parse, absurd nesting and malformed
 * multipart bodies. Each answers in Cachet's envelope with the right 4xx, never a 5xx.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ApiHostileInputIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	UserService userService;

	ApiTestClient api;

	Map<String, String> auth;

	@BeforeEach
	void setUp() {
		this.api = new ApiTestClient(this.port);
		this.auth = Map.of("X-Cachet-Token",
				this.userService.createUser(TestUsers.admin("hostile-" + UUID.randomUUID())).apiToken());
	}

	@Test
	void trailingSlashIsIgnoredOnEveryMethod() {
		ApiTestClient.Response created = this.api.send("POST", "/api/v1/components/",
				"{\"name\":\"Slashed\",\"status\":1}", this.auth);
		assertThat(created.status()).as(created.body()).isEqualTo(200);
		long id = created.json().path("data").path("id").asLong();

		assertThat(this.api.get("/api/v1/components/" + id + "/").json().path("data").path("name").asString())
			.isEqualTo("Slashed");
		assertThat(this.api.get("/api/v1/components/").status()).isEqualTo(200);
		assertThat(this.api.send("PUT", "/api/v1/components/" + id + "/", "{\"status\":4}", this.auth)
			.json()
			.path("data")
			.path("status")
			.asInt()).isEqualTo(4);
		assertThat(this.api
			.send("POST", "/api/v1/schedules/",
					"{\"name\":\"Upgrade\",\"status\":0,\"scheduled_at\":\"2030-01-10 22:00\"}", this.auth)
			.status()).isEqualTo(200);
		assertThat(this.api.get("/api/v1/ping/").json().path("data").asString()).isEqualTo("Pong!");
		assertThat(this.api.get("/api/v2/summary.json/").status()).isEqualTo(200);
		assertThat(this.api.send("DELETE", "/api/v1/components/" + id + "/", null, this.auth).status()).isEqualTo(204);
		assertThat(this.api.get("/api/v1/components/" + id).status()).isEqualTo(404);
	}

	@Test
	void trailingSlashDoesNotBypassAuthentication() {
		assertUnauthorized(
				this.api.send("POST", "/api/v1/components/", "{\"name\":\"Sneaky\",\"status\":1}", Map.of()));
		assertUnauthorized(this.api.get("/api/v1/subscribers/"));
		assertUnauthorized(this.api.send("DELETE", "/api/v1/components/1/", null, Map.of()));
		assertThat(this.api.get("/api/v1/components?name=Sneaky").json().path("data").size()).isZero();
	}

	private static void assertUnauthorized(ApiTestClient.Response response) {
		assertThat(response.status()).isEqualTo(401);
		assertEnvelope(response, 401);
	}

	static JsonNode assertEnvelope(ApiTestClient.Response response, int status) {
		assertThat(response.header("Content-Type")).as(response.body()).startsWith("application/json");
		JsonNode error = response.json().path("errors").path(0);
		assertThat(UUID.fromString(error.path("id").asString())).isNotNull();
		assertThat(error.path("status").asInt()).as(response.body()).isEqualTo(status);
		return error;
	}

}
