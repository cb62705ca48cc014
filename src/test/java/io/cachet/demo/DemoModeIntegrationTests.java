package io.cachet.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.cachet.DemoSiteTest;
import io.cachet.monitor.MonitorType;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code CACHET_DEMO=true} on an empty database seeds a page that shows every part of the
 * product, once.
 */
@DemoSiteTest
class DemoModeIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	DemoDataSeeder seeder;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DemoTeam team;

	@Test
	void seedsARealisticPageOnceOnAnEmptyDatabase() throws Exception {
		assertThat(count("SELECT COUNT(DISTINCT status) FROM components")).isEqualTo(5);
		assertThat(count("SELECT COUNT(*) FROM component_groups")).isEqualTo(3);
		assertThat(count("SELECT COUNT(*) FROM incidents")).isGreaterThanOrEqualTo(5);
		assertThat(count("SELECT COUNT(*) FROM incident_updates")).isGreaterThanOrEqualTo(5);
		assertThat(count("SELECT MIN(point_count) FROM metrics")).isGreaterThan(700);
		assertThat(count("SELECT COUNT(*) FROM schedules")).isEqualTo(3);

		long components = count("SELECT COUNT(*) FROM components");
		this.seeder.seedIfEmpty();
		assertThat(count("SELECT COUNT(*) FROM components")).isEqualTo(components);
		// the admin, the operator, and a member who signs in through an identity provider
		assertThat(count("SELECT COUNT(*) FROM users")).isEqualTo(3);
		assertThat(count("SELECT COUNT(*) FROM user_identities")).isEqualTo(1);

		HttpClient http = HttpClient.newHttpClient();
		await().untilAsserted(() -> {
			String page = http
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/")).build(),
						HttpResponse.BodyHandlers.ofString())
				.body();
			assertThat(page).contains("Acme Cloud Status")
				.contains("Checkout errors for some cards")
				.contains("Database upgrade to PostgreSQL 18")
				.contains("API response time")
				.contains("class=\"u-4\"")
				.doesNotContain("Backup job failed");
		});
	}

	@Test
	void hasOneOfEveryKindOfThingThePageAndTheDashboardShow() {
		assertThat(count("SELECT COUNT(*) FROM incidents i WHERE (SELECT COUNT(*) FROM incident_components c "
				+ "WHERE c.incident_id = i.id) = 1"))
			.isPositive();
		assertThat(count("SELECT COUNT(*) FROM incidents i WHERE (SELECT COUNT(*) FROM incident_components c "
				+ "WHERE c.incident_id = i.id) > 1"))
			.isPositive();
		assertThat(strings("SELECT DISTINCT status FROM incident_updates")).containsExactlyInAnyOrder("1", "2", "3",
				"4");
		assertThat(count("SELECT COUNT(*) FROM incidents WHERE stickied")).isPositive();
		assertThat(count("SELECT COUNT(*) FROM incidents WHERE NOT visible")).isPositive();
		assertThat(strings("SELECT DISTINCT status FROM schedules")).containsExactlyInAnyOrder("0", "1", "2");
		assertThat(strings("SELECT DISTINCT default_view FROM metrics")).containsExactlyInAnyOrder("0", "1", "2", "3");
		assertThat(strings("SELECT DISTINCT calc_type FROM metrics")).containsExactlyInAnyOrder("0", "1");
		assertThat(strings("SELECT DISTINCT visible FROM metrics")).contains("0", "1");
		assertThat(strings("SELECT DISTINCT type FROM monitors")).containsExactlyInAnyOrder(
				Arrays.stream(MonitorType.values()).map(MonitorType::value).toArray(String[]::new));
		assertThat(count("SELECT COUNT(*) FROM upstreams")).isPositive();
		assertThat(count("SELECT COUNT(*) FROM incident_templates")).isPositive();
		assertThat(count("SELECT COUNT(*) FROM subscribers WHERE verified_at IS NULL")).isPositive();
		assertThat(count("SELECT COUNT(*) FROM subscribers WHERE verified_at IS NOT NULL")).isPositive();
		assertThat(strings("SELECT DISTINCT level FROM users")).containsExactlyInAnyOrder("1", "2");
		assertThat(count("SELECT COUNT(*) FROM webhooks")).isGreaterThan(1);
		// The webhooks aim where nothing listens: their calls are refused and logged.
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(count("SELECT COUNT(*) FROM deliveries d JOIN delivery_attempts a "
					+ "ON a.delivery_id = d.id WHERE d.channel = 'webhook'"))
				.isPositive());
	}

	@Test
	void theReadmeGivesTheDemoUsersPasswords() throws Exception {
		String readme = Files.readString(Path.of("README.md"));
		assertThat(readme).contains(DemoTeam.ADMIN_EMAIL)
			.contains(DemoTeam.ADMIN_PASSWORD)
			.contains(DemoTeam.USER_EMAIL)
			.contains(DemoTeam.USER_PASSWORD);
	}

	@Test
	void demoUsersAreNotAddedNextToRealOnes() {
		long users = count("SELECT COUNT(*) FROM users");
		this.team.seedUsers();
		assertThat(count("SELECT COUNT(*) FROM users")).isEqualTo(users);
	}

	private List<String> strings(String sql) {
		return this.jdbc.sql(sql).query(String.class).list();
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

}
