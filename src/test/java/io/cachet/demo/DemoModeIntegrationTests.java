package io.cachet.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code CACHET_DEMO=true} on an empty database seeds a page that shows every part of the
 * product, once.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "cachet.demo=true")
class DemoModeIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	DemoDataSeeder seeder;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	io.cachet.user.UserService users;

	@Test
	void seedsARealisticPageOnceOnAnEmptyDatabase() throws Exception {
		assertThat(count("SELECT COUNT(DISTINCT status) FROM components")).isEqualTo(5);
		assertThat(count("SELECT COUNT(*) FROM component_groups")).isEqualTo(3);
		assertThat(count("SELECT COUNT(*) FROM incidents")).isGreaterThanOrEqualTo(5);
		assertThat(count("SELECT COUNT(*) FROM incident_updates")).isGreaterThanOrEqualTo(5);
		assertThat(count("SELECT MIN(point_count) FROM metrics")).isGreaterThan(700);
		assertThat(count("SELECT COUNT(*) FROM schedules")).isEqualTo(2);

		io.cachet.TestUsers.ensureSetUp(this.users);
		long components = count("SELECT COUNT(*) FROM components");
		this.seeder.seedIfEmpty();
		assertThat(count("SELECT COUNT(*) FROM components")).isEqualTo(components);

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
				.contains("class=\"u-4\"");
		});
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

}
