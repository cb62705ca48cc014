package io.cachet.statuspage;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.cachet.StatusPageTest;
import io.cachet.api.ApiTestClient;
import io.cachet.component.ComponentService;
import io.cachet.component.ComponentStatus;
import io.cachet.dashboard.FormClient;
import io.cachet.incident.IncidentService;
import io.cachet.user.CreateUser;
import io.cachet.user.UserLevel;
import io.cachet.user.UserService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Read-your-writes for the writer ({@link ReadYourWrites}): a change saved through the
 * API or the dashboard is on the public page and in the Statuspage JSON on the very next
 * request, with no waiting or polling in between.
 */
@StatusPageTest
class ReadYourWritesIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String TOKEN = "read-your-writes-token-0123456789";

	private static final String PASSWORD = "read your writes, horse";

	private static final List<ComponentStatus> STATUSES = List.of(ComponentStatus.MAJOR_OUTAGE,
			ComponentStatus.OPERATIONAL, ComponentStatus.PARTIAL_OUTAGE, ComponentStatus.PERFORMANCE_ISSUES,
			ComponentStatus.OPERATIONAL, ComponentStatus.MAJOR_OUTAGE);

	@LocalServerPort
	int port;

	@Autowired
	ComponentService components;

	@Autowired
	IncidentService incidents;

	@Autowired
	UserService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StatusPageRefresher refresher;

	private StatusPageFixtures fixtures;

	private long componentId;

	@BeforeEach
	void setUp() {
		this.fixtures = new StatusPageFixtures(this.port, this.components, this.incidents);
		StatusPageFixtures.clear(this.jdbc);
		if (this.users.findByLogin("ryw").isEmpty()) {
			this.users.createUser(new CreateUser("ryw", "ryw@example.com", PASSWORD, UserLevel.ADMIN, TOKEN));
		}
		long group = this.fixtures.group("Platform", 0, 1);
		this.componentId = this.fixtures.component("Checkout", ComponentStatus.OPERATIONAL, group);
		this.refresher.rebuild();
	}

	@Test
	void aChangeThroughTheApiIsOnThePageAtTheNextRequest() {
		ApiTestClient api = new ApiTestClient(this.port);
		for (ComponentStatus status : STATUSES) {
			var saved = api.send("PUT", "/api/v1/components/" + this.componentId, "{\"status\":" + status.code() + "}",
					Map.of("X-Cachet-Token", TOKEN));
			assertThat(saved.status()).isEqualTo(200);
			assertShows(status);
		}
	}

	@Test
	void aChangeThroughTheDashboardIsOnThePageAtTheNextRequest() {
		FormClient dashboard = new FormClient(this.port);
		assertThat(FormClient.location(dashboard.logIn("ryw", PASSWORD))).endsWith("/dashboard");
		for (ComponentStatus status : STATUSES) {
			dashboard.get("/dashboard/components/" + this.componentId + "/edit");
			var saved = dashboard.post("/dashboard/components/" + this.componentId,
					Map.of("name", "Checkout", "description", "", "link", "", "status", String.valueOf(status.code()),
							"groupId", String.valueOf(groupOfComponent()), "enabled", "true", "order", "0", "tags",
							""));
			assertThat(saved.statusCode()).isEqualTo(302);
			assertShows(status);
		}
	}

	private long groupOfComponent() {
		return this.components.getComponent(this.componentId).groupId();
	}

	private void assertShows(ComponentStatus status) {
		String row = "data-component=\"" + this.componentId + "\" data-status=\"" + status.code() + "\"";
		assertThat(this.fixtures.get("/").body()).contains(row);
		JsonNode summary = JSON.readTree(this.fixtures.get("/api/v2/summary.json").body());
		assertThat(summary.get("components")
			.valueStream()
			.filter((component) -> component.get("name").asString().equals("Checkout"))
			.map((component) -> component.get("status").asString()))
			.containsExactly(StatuspageV2.ComponentState.of(status).value());
	}

}
