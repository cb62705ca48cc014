package io.cachet.statuspage;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.cachet.IsolatedIntegrationTest;
import io.cachet.api.ApiTestClient;
import io.cachet.dashboard.FormClient;
import io.cachet.shared.DatabaseOutage;
import io.cachet.user.CreateUser;
import io.cachet.user.UserLevel;

import io.cachet.component.ComponentService;
import io.cachet.component.ComponentStatus;
import io.cachet.incident.IncidentService;
import io.cachet.incident.IncidentStatus;
import io.cachet.persistence.SwitchableDatabase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The database goes away: the page, its JSON and the incident pages it has keep being
 * served from memory, marked as possibly out of date, and come back current when the
 * database does. What needs the database answers 503 at once (the API in Cachet's
 * envelope, the dashboard with a page that keeps what was typed), the log says so once,
 * and everything works again when it is back. The same against a PostgreSQL server that
 * is really stopped: {@code DatabaseStopStartPostgresTests}.
 */
@ExtendWith(OutputCaptureExtension.class)
@Import(SwitchableDatabase.class)
@IsolatedIntegrationTest
class DatabaseDownIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ComponentService components;

	@Autowired
	IncidentService incidents;

	@Autowired
	StatusPageRefresher refresher;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	io.cachet.user.UserService users;

	@Autowired
	DatabaseOutage outage;

	@AfterEach
	void databaseBack() {
		SwitchableDatabase.DOWN.set(false);
	}

	@Test
	void pageIsServedFromTheLastGoodRenderingAndSaysItMayBeStale() {
		StatusPageFixtures.clear(this.jdbc);
		io.cachet.TestUsers.ensureSetUp(this.users);
		var fixtures = new StatusPageFixtures(this.port, this.components, this.incidents);
		fixtures.component("API", ComponentStatus.PARTIAL_OUTAGE, 0);
		long incident = fixtures.incident("Network trouble", IncidentStatus.INVESTIGATING, true, null);
		this.refresher.rebuild();
		assertThat(fixtures.get("/").body()).contains("Network trouble").doesNotContain("may be out of date");

		SwitchableDatabase.DOWN.set(true);
		this.refresher.rebuild();

		var page = fixtures.get("/");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Network trouble").contains("API").contains("may be out of date");
		assertThat(fixtures.get("/incidents/" + incident).body()).contains("Network trouble");
		assertThat(fixtures.get("/api/v2/summary.json").body()).contains("partial_outage");
		assertThat(fixtures.get("/badge.svg").statusCode()).isEqualTo(200);
		assertThat(fixtures.get("/incidents/424242").statusCode()).isEqualTo(503);

		SwitchableDatabase.DOWN.set(false);
		await().atMost(Duration.ofSeconds(StatusPageRefresher.PING_SECONDS * 3))
			.until(() -> !fixtures.get("/").body().contains("may be out of date"));
	}

	@Test
	void apiAnswers503InCachetsEnvelopeWhileTheDatabaseIsDown() {
		String token = apiUser("dbdown-api");
		var api = new ApiTestClient(this.port);
		Map<String, String> auth = Map.of("X-Cachet-Token", token);
		assertThat(api.send("POST", "/api/v1/components", "{\"name\":\"Before\",\"status\":1}", auth).status())
			.isEqualTo(200);

		SwitchableDatabase.DOWN.set(true);
		// with a token: refused while authenticating, before any controller
		assertUnavailable(api.send("POST", "/api/v1/components", "{\"name\":\"During\",\"status\":1}", auth));
		// without one: a public read that needs the database
		assertUnavailable(api.get("/api/v1/components"));
		assertUnavailable(api.get("/api/v1/incidents"));

		SwitchableDatabase.DOWN.set(false);
		var after = api.send("POST", "/api/v1/components", "{\"name\":\"After\",\"status\":1}", auth);
		assertThat(after.status()).isEqualTo(200);
		assertThat(after.json().at("/data/name").asString()).isEqualTo("After");
	}

	@Test
	void dashboardSaveSaysNothingWasSavedAndKeepsWhatWasTyped() {
		apiUser("dbdown-dash");
		var dashboard = new FormClient(this.port);
		assertThat(FormClient.location(dashboard.logIn("dbdown-dash", "correct horse battery"))).endsWith("/dashboard");
		dashboard.get("/dashboard/components/create");
		Map<String, String> form = Map.of("name", "Edge <cache>", "description", "Kept \"text\" & more", "status", "1",
				"order", "0", "groupId", "0", "enabled", "true");

		SwitchableDatabase.DOWN.set(true);
		var refused = dashboard.post("/dashboard/components", form);
		assertThat(refused.statusCode()).isEqualTo(503);
		assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
		assertThat(refused.body()).contains("The database is unavailable, your changes were not saved; try again.")
			.contains("name=\"description\" value=\"Kept &quot;text&quot; &amp; more\"")
			.contains("name=\"name\" value=\"Edge &lt;cache&gt;\"")
			.contains("action=\"/dashboard/components\"");
		assertThat(dashboard.get("/dashboard/components").statusCode()).isEqualTo(503);
		var stranger = new FormClient(this.port);
		assertThat(FormClient.location(stranger.logIn("dbdown-dash", "correct horse battery")))
			.endsWith("/auth/login?unavailable");
		assertThat(stranger.get("/auth/login?unavailable").body())
			.contains("The database is unavailable, so you cannot log in right now");

		SwitchableDatabase.DOWN.set(false);
		// "Try again" sends the kept values with the page's token
		dashboard.get("/dashboard/components/create");
		var saved = dashboard.post("/dashboard/components", form);
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(dashboard.get("/dashboard/components").body()).contains("Edge &lt;cache&gt;");
	}

	@Test
	void anOutageIsLoggedOnceWhenItStartsAndOnceWhenItEnds(CapturedOutput output) throws InterruptedException {
		await().atMost(Duration.ofSeconds(5)).until(() -> !this.outage.isDown());
		int before = output.toString().length();
		SwitchableDatabase.DOWN.set(true);
		await().atMost(Duration.ofSeconds(10)).until(this.outage::isDown);
		// every background job ticks a few times meanwhile (monitors every second)
		Thread.sleep(3000);
		SwitchableDatabase.DOWN.set(false);
		await().atMost(Duration.ofSeconds(5)).until(() -> !this.outage.isDown());

		String logged = output.toString().substring(before);
		assertThat(logged.split("The database does not answer \\(", -1)).hasSize(2);
		assertThat(logged.split("The database answers again", -1)).hasSize(2);
		assertThat(logged).doesNotContain("trying again shortly").doesNotContain("\tat ");
	}

	private String apiUser(String name) {
		io.cachet.TestUsers.ensureSetUp(this.users);
		String token = name + "-token-0123456789";
		if (this.users.authenticateApiToken(token).isEmpty()) {
			this.users.createUser(
					new CreateUser(name, name + "@example.com", "correct horse battery", UserLevel.ADMIN, token));
		}
		return token;
	}

	private static void assertUnavailable(ApiTestClient.Response response) {
		assertThat(response.status()).isEqualTo(503);
		assertThat(response.header("Retry-After")).isEqualTo("5");
		assertThat(response.header("Content-Type")).startsWith("application/json");
		assertThat(response.json().at("/errors/0/status").asInt()).isEqualTo(503);
		assertThat(response.json().at("/errors/0/title").asString()).isEqualTo("Service Unavailable");
		assertThat(response.json().at("/errors/0/id").asString()).isNotBlank();
	}

}
