package io.cachet.statuspage;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cachet.component.ComponentService;
import io.cachet.component.ComponentStatus;
import io.cachet.incident.IncidentService;
import io.cachet.incident.IncidentStatus;
import io.cachet.persistence.SwitchableDatabase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The database goes away: the page, its JSON and the incident pages it has keep being
 * served from memory, marked as possibly out of date, and come back current when the
 * database does.
 */
@Import(SwitchableDatabase.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "cachet.test.context=database-down")
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

}
