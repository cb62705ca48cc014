package io.cachet.cachetimport;

import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.cachet.CachetApplication;
import io.cachet.component.ComponentService;
import io.cachet.component.ComponentStatus;
import io.cachet.component.CreateComponent;
import io.cachet.component.CreateComponentGroup;
import io.cachet.incident.CreateIncident;
import io.cachet.incident.IncidentService;
import io.cachet.incident.IncidentStatus;
import io.cachet.metric.MetricService;
import io.cachet.metric.SaveMetric;
import io.cachet.schedule.SaveSchedule;
import io.cachet.schedule.ScheduleService;
import io.cachet.schedule.ScheduleStatus;
import io.cachet.subscriber.SubscriberService;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Imports from a second running instance of this application, which speaks Cachet 2.4's
 * API, and compares the two APIs' answers.
 */
class CachetImportIntegrationTests {

	static final String TOKEN = "source-admin-token-0123456789abcdefghijk";

	static final String TARGET_TOKEN = "target-admin-token-0123456789abcdefghijk";

	static final Instant BASE = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofDays(3));

	static ConfigurableApplicationContext source;

	static ConfigurableApplicationContext target;

	static Path dirs;

	final JsonMapper json = JsonMapper.builder().build();

	@BeforeAll
	static void startApps() throws Exception {
		dirs = Files.createTempDirectory("cachet-import");
		source = start(dirs.resolve("source"), TOKEN);
		target = start(dirs.resolve("target"), TARGET_TOKEN, "--cachet.import.per-page=7");
		seed(source);
	}

	@AfterAll
	static void stopApps() {
		if (source != null) {
			source.close();
		}
		if (target != null) {
			target.close();
		}
	}

	static ConfigurableApplicationContext start(Path dataDir, String token, String... extra) {
		List<String> args = new ArrayList<>(List.of("--spring.datasource.url=", "--server.port=0",
				"--CACHET_DATA_DIR=" + dataDir, "--CACHET_ADMIN_USERNAME=admin",
				"--CACHET_ADMIN_EMAIL=admin@example.com", "--CACHET_ADMIN_PASSWORD=correct horse battery",
				"--CACHET_ADMIN_API_TOKEN=" + token, "--cachet.notifications.enabled=false",
				"--cachet.monitors.enabled=false", "--cachet.upstreams.enabled=false"));
		args.addAll(List.of(extra));
		return new SpringApplicationBuilder(CachetApplication.class).run(args.toArray(String[]::new));
	}

	static void seed(ConfigurableApplicationContext app) {
		ComponentService components = app.getBean(ComponentService.class);
		long platform = components.createGroup(new CreateComponentGroup("Platform", 0, 0, 1)).id();
		long internal = components.createGroup(new CreateComponentGroup("Internal", 1, 2, 0)).id();
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			long group = (i % 3 == 0) ? 0 : (i % 3 == 1) ? platform : internal;
			ids.add(components
				.createComponent(new CreateComponent("Component " + i, "Description " + i, "",
						ComponentStatus.of(i % 5), i, group, i != 29, (i == 1) ? Map.of("owner", "ops") : null,
						(i == 2) ? List.of("Europe") : List.of()))
				.id());
		}
		IncidentService incidents = app.getBean(IncidentService.class);
		long outage = incidents
			.createIncident(new CreateIncident("Database outage", IncidentStatus.INVESTIGATING, "It is down.",
					ids.get(4), null, null, Map.of(), true, true, false, BASE, null, List.of(), Map.of("ticket", "42")))
			.id();
		incidents.reportUpdate(outage, IncidentStatus.IDENTIFIED, "Found the cause.", null,
				BASE.plus(Duration.ofMinutes(20)));
		incidents.reportUpdate(outage, IncidentStatus.FIXED, "All good.", null, BASE.plus(Duration.ofHours(1)));
		incidents.createIncident(new CreateIncident("Hidden incident", IncidentStatus.WATCHING, "Only for us.", 0, null,
				null, Map.of(), false, false, false, BASE.plus(Duration.ofDays(1)), null, List.of(), null));
		ScheduleService schedules = app.getBean(ScheduleService.class);
		schedules.createSchedule(
				new SaveSchedule("Upgrade", "Short downtime.", ScheduleStatus.UPCOMING, BASE.plus(Duration.ofDays(5)),
						BASE.plus(Duration.ofDays(5)).plus(Duration.ofHours(1)), Map.of(ids.get(1), 2, ids.get(2), 3)));
		MetricService metrics = app.getBean(MetricService.class);
		long latency = metrics
			.createMetric(new SaveMetric("Latency", "ms", "API latency", BigDecimal.ZERO, 1, true, 1, 2, 10, 3, 1))
			.id();
		for (int i = 0; i < 120; i++) {
			metrics.addPoint(latency, BigDecimal.valueOf(100 + i), BASE.plus(Duration.ofMinutes(15L * i)));
		}
		metrics.addPoint(latency, BigDecimal.valueOf(7), BASE.minus(Duration.ofDays(1)));
		metrics.addPoint(latency, BigDecimal.valueOf(7), BASE.minus(Duration.ofDays(1)));
		SubscriberService subscribers = app.getBean(SubscriberService.class);
		subscribers.subscribe("everything@example.com", true, null);
		subscribers.subscribe("some@example.com", true, List.of(ids.get(1), ids.get(5)));
		subscribers.subscribe("unconfirmed@example.com", false, List.of(ids.get(2)));
	}

	@Test
	void importsEverythingAsTheSourceApiShowsIt() throws Exception {
		List<String> steps = new ArrayList<>();
		ImportSummary summary = target.getBean(CachetImporter.class).importFrom(url(source), TOKEN, steps::add);

		assertThat(summary.counts()).containsEntry("component groups", 2)
			.containsEntry("components", 30)
			.containsEntry("incidents", 2)
			.containsEntry("incident updates", 2)
			.containsEntry("maintenance windows", 1)
			.containsEntry("metrics", 1)
			.containsEntry("metric points", 121)
			.containsEntry("subscribers", 3);
		assertThat(summary.warnings()).isEmpty();
		assertThat(steps).contains("Done");

		assertSameList("/components/groups", "name", "order", "collapsed", "visible", "lowest_human_status");
		assertSameList("/components", "name", "description", "status", "order", "enabled", "meta", "tags");
		assertSameGroupMembership();
		assertSameList("/incidents", "name", "status", "message", "visible", "stickied", "occurred_at", "meta",
				"is_resolved", "duration", "latest_status");
		assertSameUpdates();
		assertSameList("/schedules", "name", "message", "status", "scheduled_at", "completed_at");
		assertSameScheduleComponents();
		assertSameList("/metrics", "name", "suffix", "description", "default_value", "calc_type", "display_chart",
				"places", "default_view", "threshold", "order", "visible");
		assertSamePoints();
		assertSameSubscribers();
		assertThat(
				target.getBean(JdbcClient.class).sql("SELECT COUNT(*) FROM notifications").query(Long.class).single())
			.as("nobody is notified of an import")
			.isZero();
	}

	@Test
	void wrongTokenIsRefusedAndNothingWritten() {
		long before = rows(target);
		assertThatExceptionOfType(CachetImportException.class)
			.isThrownBy(() -> target.getBean(CachetImporter.class)
				.importFrom(url(source), "not-the-token-0123456789", ImportProgress.NONE))
			.withMessageContaining("refused the API token");
		assertThat(rows(target)).isEqualTo(before);
	}

	@Test
	void unreachableAddressIsAClearError() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		long before = rows(target);
		URI nowhere = URI.create("http://127.0.0.1:" + port);
		assertThatExceptionOfType(CachetImportException.class)
			.isThrownBy(() -> target.getBean(CachetImporter.class).importFrom(nowhere, TOKEN, ImportProgress.NONE))
			.withMessageContaining("Cannot reach 127.0.0.1:" + port);
		assertThat(rows(target)).isEqualTo(before);
	}

	@Test
	void theDashboardRunsAnImportInTheBackgroundAndShowsHowItEnded() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		int targetPort = ((org.springframework.boot.web.server.context.WebServerApplicationContext) target)
			.getWebServer()
			.getPort();
		io.cachet.dashboard.FormClient admin = new io.cachet.dashboard.FormClient(targetPort);
		admin.logIn("admin", "correct horse battery");
		assertThat(admin.get("/dashboard/settings/import").body()).contains("Import from Cachet 2.4");
		var refused = admin.post("/dashboard/settings/import", java.util.Map.of("url", "ftp://x", "token", "t"));
		assertThat(refused.body()).contains("Give the address of the Cachet status page");

		admin.get("/dashboard/settings/import");
		var started = admin.post("/dashboard/settings/import",
				java.util.Map.of("url", "http://127.0.0.1:" + port, "token", TOKEN));
		assertThat(io.cachet.dashboard.FormClient.location(started)).endsWith("/dashboard/settings/import");
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(20))
			.until(() -> admin.get("/dashboard/settings/import").body().contains("Cannot reach 127.0.0.1:" + port));
		String page = admin.get("/dashboard/settings/import").body();
		assertThat(page).contains("Last import").contains("Reading").doesNotContain("http-equiv=\"refresh\"");
	}

	@Test
	void theCommandLineImportsIntoAnEmptyInstall(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
		int status = CachetImportCommand.run(CachetApplication.class, new String[] { "import-cachet",
				url(source).toString(), TOKEN, "--spring.datasource.url=", "--CACHET_DATA_DIR=" + dir });
		assertThat(status).isZero();
		try (ConfigurableApplicationContext imported = start(dir, "cli-target-token-0123456789abcdef0123456")) {
			assertThat(imported.getBean(io.cachet.component.ComponentService.class).findAllComponentIds())
				.hasSameSizeAs(source.getBean(io.cachet.component.ComponentService.class).findAllComponentIds());
		}
		assertThat(CachetImportCommand.run(CachetApplication.class, new String[] { "import-cachet",
				"http://127.0.0.1:9", TOKEN, "--spring.datasource.url=", "--CACHET_DATA_DIR=" + dir.resolve("other") }))
			.isEqualTo(1);
	}

	private void assertSameList(String path, String... fields) throws Exception {
		List<JsonNode> expected = list(source, TOKEN, path);
		List<JsonNode> actual = list(target, TARGET_TOKEN, path);
		assertThat(actual).hasSameSizeAs(expected);
		for (int i = 0; i < expected.size(); i++) {
			for (String field : fields) {
				assertThat(actual.get(i).path(field)).as(path + " #" + i + " " + field)
					.isEqualTo(expected.get(i).path(field));
			}
		}
	}

	private void assertSameGroupMembership() throws Exception {
		assertThat(groupNames(target, TARGET_TOKEN)).isEqualTo(groupNames(source, TOKEN));
	}

	private List<String> groupNames(ConfigurableApplicationContext app, String token) throws Exception {
		Map<Long, String> groups = new java.util.HashMap<>();
		list(app, token, "/components/groups")
			.forEach((g) -> groups.put(g.path("id").asLong(), g.path("name").asString()));
		return list(app, token, "/components").stream()
			.map((c) -> c.path("name").asString() + " in " + groups.get(c.path("group_id").asLong()))
			.toList();
	}

	private void assertSameUpdates() throws Exception {
		List<JsonNode> expected = list(source, TOKEN, "/incidents");
		List<JsonNode> actual = list(target, TARGET_TOKEN, "/incidents");
		for (int i = 0; i < expected.size(); i++) {
			List<JsonNode> from = List.copyOf(expected.get(i).path("updates").values());
			List<JsonNode> to = List.copyOf(actual.get(i).path("updates").values());
			assertThat(to).hasSameSizeAs(from);
			for (int u = 0; u < from.size(); u++) {
				for (String field : List.of("status", "message", "created_at", "human_status")) {
					assertThat(to.get(u).path(field)).isEqualTo(from.get(u).path(field));
				}
			}
		}
	}

	private void assertSameScheduleComponents() throws Exception {
		assertThat(scheduleComponents(target, TARGET_TOKEN)).isEqualTo(scheduleComponents(source, TOKEN))
			.containsExactlyInAnyOrder("Component 1=2", "Component 2=3");
	}

	private List<String> scheduleComponents(ConfigurableApplicationContext app, String token) throws Exception {
		Map<Long, String> names = componentNames(app, token);
		List<String> result = new ArrayList<>();
		for (JsonNode schedule : list(app, token, "/schedules")) {
			schedule.path("components")
				.values()
				.forEach((c) -> result
					.add(names.get(c.path("component_id").asLong()) + "=" + c.path("component_status").asInt()));
		}
		return result;
	}

	private void assertSamePoints() throws Exception {
		long sourceMetric = list(source, TOKEN, "/metrics").get(0).path("id").asLong();
		long targetMetric = list(target, TARGET_TOKEN, "/metrics").get(0).path("id").asLong();
		List<String> expected = points(source, TOKEN, sourceMetric);
		assertThat(expected).hasSize(121).contains("7.0 x2 at " + format(BASE.minus(Duration.ofDays(1))));
		assertThat(points(target, TARGET_TOKEN, targetMetric)).isEqualTo(expected);
	}

	private List<String> points(ConfigurableApplicationContext app, String token, long metric) throws Exception {
		return list(app, token, "/metrics/" + metric + "/points").stream()
			.map((p) -> p.path("value").asDouble() + " x" + p.path("counter").asInt() + " at "
					+ p.path("created_at").asString())
			.sorted()
			.toList();
	}

	private void assertSameSubscribers() throws Exception {
		assertThat(subscribers(target, TARGET_TOKEN)).isEqualTo(subscribers(source, TOKEN))
			.containsExactlyInAnyOrder("everything@example.com verified global 30",
					"some@example.com verified [Component 1, Component 5]",
					"unconfirmed@example.com unverified [Component 2]");
	}

	private List<String> subscribers(ConfigurableApplicationContext app, String token) throws Exception {
		Map<Long, String> names = componentNames(app, token);
		return list(app, token, "/subscribers").stream().map((s) -> {
			List<String> subscribed = s.path("subscriptions")
				.values()
				.stream()
				.map((c) -> names.get(c.path("component_id").asLong()))
				.sorted()
				.toList();
			return s.path("email").asString() + " " + (s.path("verified_at").isNull() ? "unverified" : "verified") + " "
					+ (s.path("global").asBoolean() ? "global " + subscribed.size() : subscribed.toString());
		}).sorted().toList();
	}

	private Map<Long, String> componentNames(ConfigurableApplicationContext app, String token) throws Exception {
		Map<Long, String> names = new java.util.HashMap<>();
		list(app, token, "/components").forEach((c) -> names.put(c.path("id").asLong(), c.path("name").asString()));
		return names;
	}

	private List<JsonNode> list(ConfigurableApplicationContext app, String token, String path) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url(app) + "/api/v1" + path + "?per_page=1000"))
				.header("X-Cachet-Token", token)
				.header("Time-Zone", "UTC")
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return List.copyOf(this.json.readTree(response.body()).path("data").values());
	}

	static URI url(ConfigurableApplicationContext app) {
		return URI.create("http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort());
	}

	static long rows(ConfigurableApplicationContext app) {
		return app.getBean(JdbcClient.class)
			.sql("SELECT (SELECT COUNT(*) FROM components) + (SELECT COUNT(*) FROM incidents)"
					+ " + (SELECT COUNT(*) FROM metric_points) + (SELECT COUNT(*) FROM subscribers)")
			.query(Long.class)
			.single();
	}

	private static String format(Instant instant) {
		return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
			.format(instant.atZone(java.time.ZoneOffset.UTC));
	}

}
