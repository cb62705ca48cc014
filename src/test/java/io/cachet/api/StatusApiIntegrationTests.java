package io.cachet.api;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.cachet.StatusPageTest;
import io.cachet.TestUsers;
import io.cachet.settings.SettingsService;
import io.cachet.user.UserService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/v1/status} on its own database, since the banner depends on every
 * component and incident.
 */
@StatusPageTest
class StatusApiIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	UserService userService;

	@Autowired
	SettingsService settings;

	@Autowired
	JdbcClient jdbc;

	ApiTestClient api;

	Map<String, String> auth;

	@BeforeEach
	void setUp() {
		this.jdbc.sql("DELETE FROM incidents").update();
		this.jdbc.sql("DELETE FROM components").update();
		this.jdbc.sql("DELETE FROM component_groups").update();
		this.settings.set("major_outage_rate", "50");
		this.api = new ApiTestClient(this.port);
		this.auth = Map.of("X-Cachet-Token",
				this.userService.createUser(TestUsers.admin("status-" + System.nanoTime())).apiToken());
	}

	@Test
	void operationalWithNothingWrong() {
		create("/api/v1/components", "{\"name\":\"API\",\"status\":1}");
		create("/api/v1/components", "{\"name\":\"Web\",\"status\":1}");

		ApiTestClient.Response response = this.api.get("/api/v1/status");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Cache-Control")).contains("max-age=30").contains("public");
		assertThat(response.json().path("data").path("status").asString()).isEqualTo("success");
		assertThat(response.json().path("data").path("message").asString()).isEqualTo("All systems are operational");
	}

	@Test
	void unresolvedIncidentTurnsItToInfoUntilFixed() {
		create("/api/v1/components", "{\"name\":\"API\",\"status\":1}");
		long incident = create("/api/v1/incidents", "{\"name\":\"Hiccup\",\"status\":1,\"message\":\"m\"}");

		assertThat(status().path("status").asString()).isEqualTo("info");

		create("/api/v1/incidents/" + incident + "/updates", "{\"status\":4,\"message\":\"Fixed.\"}");
		assertThat(status().path("status").asString()).isEqualTo("success");
		assertThat(status().path("message").asString()).isEqualTo("System operational");
	}

	@Test
	void majorOutageFollowsTheRateSetting() {
		create("/api/v1/components", "{\"name\":\"API\",\"status\":4}");
		create("/api/v1/components", "{\"name\":\"Web\",\"status\":1}");
		create("/api/v1/components", "{\"name\":\"CDN\",\"status\":1}");

		assertThat(status().path("status").asString()).isEqualTo("info");
		this.settings.set("major_outage_rate", "30");
		assertThat(status().path("status").asString()).isEqualTo("danger");
		assertThat(status().path("message").asString()).isEqualTo("Some systems are experiencing major issues");
	}

	@Test
	void guestsDoNotCountHiddenComponents() {
		long hidden = create("/api/v1/components/groups", "{\"name\":\"Internal\",\"visible\":0}");
		create("/api/v1/components", "{\"name\":\"Internal DB\",\"status\":4,\"group_id\":" + hidden + "}");
		create("/api/v1/components", "{\"name\":\"Web\",\"status\":1}");

		assertThat(status().path("status").asString()).isEqualTo("success");
		assertThat(this.api.get("/api/v1/status", this.auth).json().path("data").path("status").asString())
			.isEqualTo("danger");
	}

	private JsonNode status() {
		return this.api.get("/api/v1/status").json().path("data");
	}

	private long create(String path, String body) {
		ApiTestClient.Response response = this.api.send("POST", path, body, this.auth);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json().path("data").path("id").asLong();
	}

}
