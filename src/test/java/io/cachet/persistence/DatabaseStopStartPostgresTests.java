package io.cachet.persistence;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.cachet.CachetApplication;
import io.cachet.api.ApiTestClient;
import io.cachet.dashboard.FormClient;
import io.cachet.user.CreateUser;
import io.cachet.user.UserLevel;
import io.cachet.user.UserService;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real PostgreSQL server, the test's own, stopped as by a crash while the application
 * runs on it and started again: the public page keeps being served, whatever needs the
 * database answers 503 within 3 s (the API in Cachet's envelope, the dashboard keeping
 * what was typed), readiness goes down, and once the server is back everything works
 * again without restarting the application. Prints the figures (how long a refused write
 * took, how long after the server's start writes worked again).
 * <p>
 * Needs PostgreSQL's binaries ({@code /usr/lib/postgresql/<version>/bin}); without them
 * it is skipped, unless the cross-database tests are required (CI,
 * {@code -Dcachet.crossdb.required=true}), where it fails instead.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseStopStartPostgresTests {

	private static final String TOKEN = "dbstop-token-0123456789";

	private static final String PASSWORD = "correct horse battery";

	private static final long FAIL_WITHIN_MILLIS = 3000;

	private static ThrowawayPostgres server;

	private static ConfigurableApplicationContext app;

	private static int port;

	@BeforeAll
	static void startServerThenApplication() throws Exception {
		Optional<Path> binaries = ThrowawayPostgres.binaries();
		boolean runnable = binaries.isPresent()
				&& (!ThrowawayPostgres.asRoot() || Files.isExecutable(Path.of("/usr/sbin/runuser")));
		if (!runnable) {
			String why = "PostgreSQL's initdb/pg_ctl (or, as root, runuser) are not installed";
			if (DatabaseServerCondition.required()) {
				throw new IllegalStateException(why + ", and the cross-database tests are required to run");
			}
			Assumptions.abort(why + ": skipping (install postgresql, or run .ci/run)");
		}
		server = ThrowawayPostgres.create(binaries.get());
		app = new SpringApplicationBuilder(CachetApplication.class).run("--server.port=0",
				"--spring.datasource.url=" + server.jdbcUrl(), "--spring.datasource.username=postgres",
				"--spring.datasource.password=", "--spring.main.banner-mode=off");
		port = ((WebServerApplicationContext) app).getWebServer().getPort();
		app.getBean(UserService.class)
			.createUser(new CreateUser("dbstop", "dbstop@example.com", PASSWORD, UserLevel.ADMIN, TOKEN));
	}

	@AfterAll
	static void stopApplicationThenServer() {
		try {
			if (app != null) {
				app.close();
			}
		}
		finally {
			if (server != null) {
				server.destroy();
			}
		}
	}

	@Test
	void failsFastWhileTheServerIsStoppedAndWorksAgainWhenItIsBack(CapturedOutput output) throws Exception {
		var api = new ApiTestClient(port);
		Map<String, String> auth = Map.of("X-Cachet-Token", TOKEN);
		assertThat(api.send("POST", "/api/v1/components", component("Before"), auth).status()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/").body().contains("Before"));
		var dashboard = new FormClient(port);
		assertThat(FormClient.location(dashboard.logIn("dbstop", PASSWORD))).endsWith("/dashboard");
		dashboard.get("/dashboard/components/create");
		assertThat(api.get("/actuator/health/readiness").status()).isEqualTo(200);

		int logMark = output.toString().length();
		server.stopImmediately();

		assertThat(api.get("/").status()).isEqualTo(200);
		assertThat(api.get("/").body()).contains("Before");
		long firstWrite = timed(
				() -> assertUnavailable(api.send("POST", "/api/v1/components", component("During"), auth)));
		long secondWrite = timed(
				() -> assertUnavailable(api.send("POST", "/api/v1/components", component("During"), auth)));
		long read = timed(() -> assertUnavailable(api.get("/api/v1/components")));
		long dashboardSave = timed(() -> {
			var refused = dashboard.post("/dashboard/components",
					Map.of("name", "Typed while down", "status", "1", "order", "0", "groupId", "0", "enabled", "true"));
			assertThat(refused.statusCode()).isEqualTo(503);
			assertThat(refused.body()).contains("The database is unavailable, your changes were not saved; try again.")
				.contains("value=\"Typed while down\"");
		});
		assertThat(api.get("/actuator/health/readiness").status()).isEqualTo(503);
		assertThat(api.get("/").status()).isEqualTo(200);
		assertThat(java.util.List.of(firstWrite, secondWrite, read, dashboardSave))
			.allSatisfy((millis) -> assertThat(millis).isLessThan(FAIL_WITHIN_MILLIS));

		server.start();
		long started = System.nanoTime();
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> api.send("POST", "/api/v1/components", component("After"), auth).status() == 200);
		long recovery = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

		dashboard.get("/dashboard/components/create");
		assertThat(
				dashboard
					.post("/dashboard/components",
							Map.of("name", "Typed after", "status", "1", "order", "0", "groupId", "0", "enabled",
									"true"))
					.statusCode())
			.isEqualTo(302);
		assertThat(api.get("/api/v1/components").body()).contains("Before", "After", "Typed after")
			.doesNotContain("During", "Typed while down");
		await().atMost(Duration.ofSeconds(15)).until(() -> api.get("/actuator/health/readiness").status() == 200);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> api.get("/").body().contains("Typed after")
					&& !api.get("/").body().contains("may be out of date"));

		await().atMost(Duration.ofSeconds(5)).until(() -> output.toString().contains("The database answers again"));
		String logged = output.toString().substring(logMark);
		// the outage in the log: one WARN when it starts, one INFO when it ends
		assertThat(logged.lines().filter((line) -> line.contains(" WARN ") || line.contains(" ERROR ")))
			.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.contains("The database does not answer (");
		assertThat(logged.lines().filter((line) -> line.contains("The database answers again"))).hasSize(1);
		assertThat(logged).doesNotContain("\tat ");

		System.out.printf("Database stop/start figures (PostgreSQL on port %d, stopped with -m immediate): "
				+ "first API write after the stop refused in %d ms, the next in %d ms, an API read in %d ms, "
				+ "a dashboard save in %d ms (all 503); writes worked again %d ms after the server was started%n",
				server.port(), firstWrite, secondWrite, read, dashboardSave, recovery);
	}

	private static String component(String name) {
		return "{\"name\":\"" + name + "\",\"status\":1}";
	}

	private static long timed(Runnable request) {
		long start = System.nanoTime();
		request.run();
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
	}

	private static void assertUnavailable(ApiTestClient.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(503);
		assertThat(response.header("Retry-After")).isEqualTo("5");
		assertThat(response.json().at("/errors/0/status").asInt()).isEqualTo(503);
		assertThat(response.json().at("/errors/0/title").asString()).isEqualTo("Service Unavailable");
	}

}
