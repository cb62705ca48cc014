package io.cachet.statuspage;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cachet.component.ComponentService;
import io.cachet.component.ComponentStatus;
import io.cachet.incident.IncidentService;
import io.cachet.incident.IncidentStatus;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The database goes away: the page, its JSON and the incident pages it has keep being
 * served from memory, marked as possibly out of date, and come back current when the
 * database does.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "cachet.test.context=database-down")
class DatabaseDownIntegrationTests {

	static final AtomicBoolean DATABASE_DOWN = new AtomicBoolean();

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
		DATABASE_DOWN.set(false);
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

		DATABASE_DOWN.set(true);
		this.refresher.rebuild();

		var page = fixtures.get("/");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Network trouble").contains("API").contains("may be out of date");
		assertThat(fixtures.get("/incidents/" + incident).body()).contains("Network trouble");
		assertThat(fixtures.get("/api/v2/summary.json").body()).contains("partial_outage");
		assertThat(fixtures.get("/badge.svg").statusCode()).isEqualTo(200);
		assertThat(fixtures.get("/incidents/424242").statusCode()).isEqualTo(503);

		DATABASE_DOWN.set(false);
		await().atMost(Duration.ofSeconds(StatusPageRefresher.PING_SECONDS * 3))
			.until(() -> !fixtures.get("/").body().contains("may be out of date"));
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class FailingDatabase {

		@Bean
		static BeanPostProcessor switchableDataSource() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					if (bean instanceof DataSource dataSource && !(bean instanceof DelegatingDataSource)) {
						return new DelegatingDataSource(dataSource) {
							@Override
							public Connection getConnection() throws SQLException {
								if (DATABASE_DOWN.get()) {
									throw new SQLException("Connection refused (test)");
								}
								return super.getConnection();
							}
						};
					}
					return bean;
				}
			};
		}

	}

}
