package io.cachet.backup;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.cachet.CachetApplication;
import io.cachet.component.ComponentService;
import io.cachet.component.ComponentStatus;
import io.cachet.component.CreateComponent;
import io.cachet.component.CreateComponentGroup;
import io.cachet.incident.AffectedComponent;
import io.cachet.incident.CreateIncident;
import io.cachet.incident.IncidentService;
import io.cachet.incident.IncidentTemplateService;
import io.cachet.incident.IncidentStatus;
import io.cachet.metric.MetricService;
import io.cachet.metric.SaveMetric;
import io.cachet.monitor.MonitorService;
import io.cachet.monitor.MonitorType;
import io.cachet.monitor.SaveMonitor;
import io.cachet.notification.SaveWebhook;
import io.cachet.notification.WebhookFormat;
import io.cachet.notification.WebhookService;
import io.cachet.settings.SettingsService;
import io.cachet.subscriber.SubscriberService;
import io.cachet.user.CreateUser;
import io.cachet.user.UserLevel;
import io.cachet.user.UserService;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The export → import round trip on two freshly started applications: a realistic page
 * (the demo page plus subscribers, a webhook, a monitor, users and settings) is exported
 * from the first and imported into the second, which must then show the same page, API
 * answers and rows, and give new rows new ids.
 */
final class BackupRoundTrip {

	static final String TOKEN = "round-trip-api-token-0123456789";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final List<String> PUBLIC_PATHS = List.of("/", "/api/v2/summary.json", "/api/v1/components",
			"/api/v1/components/groups", "/api/v1/incidents", "/api/v1/schedules", "/api/v1/metrics",
			"/api/v1/incidents/templates", "/api/v1/status", "/api/v1/metrics/1/points", "/api/v1/metrics/3/points",
			"/api/v1/incidents/7/updates", "/atom");

	private static final List<String> TOKEN_PATHS = List.of("/api/v1/subscribers", "/api/v1/webhooks",
			"/api/v1/monitors");

	private BackupRoundTrip() {
	}

	/**
	 * Both applications live at the same instant, as the page moves with the time (charts
	 * of the last hour, today's uptime). Not a {@code @Configuration}, so that the
	 * component scan of other tests never finds it.
	 */
	static class FixedClock {

		static final Instant NOW = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

		@org.springframework.context.annotation.Bean
		java.time.Clock clock() {
			return java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC);
		}

	}

	private static final long SETTLE_MILLIS = 1000;

	static ConfigurableApplicationContext start(String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.add("--server.port=0");
		all.add("--spring.main.allow-bean-definition-overriding=true");
		return new SpringApplicationBuilder(CachetApplication.class, FixedClock.class).run(all.toArray(String[]::new));
	}

	/**
	 * Runs the round trip.
	 * @param source arguments of the application that is exported
	 * @param target arguments of the (empty) application that imports
	 */
	static void run(String[] source, String[] target) throws InterruptedException {
		byte[] backup;
		Map<String, String> expected;
		Map<String, Long> sourceRows;
		try (ConfigurableApplicationContext app = start(with(source, "--cachet.demo=true"))) {
			seed(app);
			await().atMost(Duration.ofSeconds(20)).until(() -> page(app, "/").contains("A disk is failing"));
			// the last change is on the page: let a rebuild still pending finish
			Thread.sleep(SETTLE_MILLIS);
			expected = answers(app);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			app.getBean(BackupService.class).export(out);
			backup = out.toByteArray();
			sourceRows = rowCounts(app);
		}
		JsonNode document = JSON.readTree(backup);
		assertThat(document.get("format").asString()).isEqualTo("cachet-jvm-backup");
		Map<String, Long> documentRows = new LinkedHashMap<>();
		document.get("tables")
			.properties()
			.forEach((table) -> documentRows.put(table.getKey(), (long) table.getValue().size()));
		assertThat(documentRows).isEqualTo(sourceRows);
		assertThat(documentRows).containsKeys("components", "incident_updates", "metric_points", "subscriptions",
				"webhooks", "monitors", "users", "user_identities", "settings", "component_status_history");
		assertThat(documentRows).doesNotContainKeys("flyway_schema_history", "event_publication", "notifications");

		try (ConfigurableApplicationContext app = start(target)) {
			ImportSummary summary = app.getBean(BackupService.class).importBackup(new ByteArrayInputStream(backup));
			assertThat(rowCounts(app)).isEqualTo(sourceRows);
			assertThat(summary.rowsByTable()).containsAllEntriesOf(sourceRows);
			await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
				Map<String, String> actual = answers(app);
				expected.forEach((path, answer) -> assertThat(actual.get(path)).as(path).isEqualTo(answer));
			});
			long maxComponentId = sourceRows.isEmpty() ? 0 : maxId(app, "components");
			long created = app.getBean(ComponentService.class)
				.createComponent(new CreateComponent("After import", "", "", ComponentStatus.OPERATIONAL, 0, 0, true,
						null, List.of()))
				.id();
			assertThat(created).isGreaterThan(maxComponentId);
			long maxPointId = maxId(app, "metric_points");
			long metric = app.getBean(MetricService.class)
				.findMetrics(io.cachet.shared.ListQuery.all())
				.items()
				.get(0)
				.id();
			assertThat(app.getBean(MetricService.class).addPoint(metric, BigDecimal.TEN, FixedClock.NOW).id())
				.isGreaterThan(maxPointId);
		}
	}

	private static String[] with(String[] args, String extra) {
		List<String> all = new ArrayList<>(List.of(args));
		all.add(extra);
		return all.toArray(String[]::new);
	}

	private static void seed(ConfigurableApplicationContext app) {
		app.getBean(UserService.class)
			.createUser(new CreateUser("owner", "owner@example.com", "correct horse battery", UserLevel.ADMIN, TOKEN));
		app.getBean(UserService.class).invite("newcomer@example.com", UserLevel.USER);
		// a user who signs in through a provider: the link to it is carried too
		app.getBean(io.cachet.user.ExternalSignIns.class)
			.signIn(new io.cachet.user.ExternalIdentity("oidc:corp", "sub-1", "sso-user", "sso@example.com", true),
					java.util.Optional.of(UserLevel.USER), false);
		SettingsService settings = app.getBean(SettingsService.class);
		settings.set("style_background_color", "#102030");
		settings.set("app_timezone", "Europe/Berlin");
		ComponentService components = app.getBean(ComponentService.class);
		long group = components.createGroup(new CreateComponentGroup("Backups", 9, 0, 1)).id();
		long storage = components
			.createComponent(new CreateComponent("Object storage", "Blobs", "https://storage.example.com",
					ComponentStatus.OPERATIONAL, 0, group, true, null, List.of()))
			.id();
		SubscriberService subscribers = app.getBean(SubscriberService.class);
		subscribers.subscribe("everything@example.com", true, null);
		subscribers.subscribe("storage@example.com", true, List.of(storage));
		app.getBean(WebhookService.class)
			.createWebhook(new SaveWebhook("https://hooks.example.com/cachet", "s3cret-s3cret", "Ops channel",
					WebhookFormat.JSON, true, null, true));
		app.getBean(MonitorService.class)
			.createMonitor(new SaveMonitor(storage, MonitorType.HTTP, "https://storage.example.com/health", 60, 10,
					List.of(200), "ok", false, 500, Map.of("X-Probe", "1"), true, null, null, 2, 1, false, null,
					false));
		MetricService metrics = app.getBean(MetricService.class);
		long metric = metrics
			.createMetric(new SaveMetric("Backup size", "GB", "Nightly", new BigDecimal("0.5"), 0, true, 3, 2, 5, 9, 1))
			.id();
		metrics.addPoint(metric, new BigDecimal("12.345"), FixedClock.NOW.minusSeconds(600));
		metrics.addPoint(metric, new BigDecimal("13.5"), FixedClock.NOW.minusSeconds(60));
		IncidentService incidents = app.getBean(IncidentService.class);
		long incident = incidents.createIncident(new CreateIncident("Backup marker incident",
				IncidentStatus.INVESTIGATING, "Storage is slow", 0, null, null, Map.of(), true, true, false, null, null,
				List.of(new AffectedComponent(storage, ComponentStatus.PERFORMANCE_ISSUES)), Map.of("ticket", "OPS-1")))
			.id();
		incidents.reportUpdate(incident, IncidentStatus.IDENTIFIED, "A disk is failing", null);
		app.getBean(IncidentTemplateService.class).createTemplate("Storage", null, "Storage is {{ status }}");
	}

	/**
	 * What the applications answer, with what legitimately differs between two runs
	 * masked.
	 */
	static Map<String, String> answers(ConfigurableApplicationContext app) {
		Map<String, String> answers = new LinkedHashMap<>();
		PUBLIC_PATHS.forEach((path) -> answers.put(path, mask(page(app, path))));
		TOKEN_PATHS.forEach((path) -> answers.put(path, mask(get(app, path, TOKEN))));
		return answers;
	}

	private static String mask(String body) {
		return body.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\"")
			.replaceAll("//localhost:\\d+", "//localhost");
	}

	static String page(ConfigurableApplicationContext app, String path) {
		return get(app, path, null);
	}

	private static String get(ConfigurableApplicationContext app, String path, String token) {
		int port = ((WebServerApplicationContext) app).getWebServer().getPort();
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
		if (token != null) {
			request.header("X-Cachet-Token", token);
		}
		try {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return response.statusCode() + " " + response.body();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	static Map<String, Long> rowCounts(ConfigurableApplicationContext app) {
		JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
		Map<String, Long> counts = new LinkedHashMap<>();
		for (BackupSchema.Table table : BackupSchema.read(jdbc).tables()) {
			counts.put(table.key(), jdbc.queryForObject("SELECT COUNT(*) FROM " + table.sqlName(), Long.class));
		}
		return counts;
	}

	private static long maxId(ConfigurableApplicationContext app, String table) {
		return app.getBean(JdbcTemplate.class).queryForObject("SELECT MAX(id) FROM " + table, Long.class);
	}

}
