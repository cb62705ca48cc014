package io.cachet.cluster;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.cachet.mail.MailServer;
import io.cachet.CachetApplication;
import io.cachet.component.ComponentService;
import io.cachet.component.ComponentStatus;
import io.cachet.component.CreateComponent;
import io.cachet.dashboard.FormClient;
import io.cachet.incident.AffectedComponent;
import io.cachet.incident.CreateIncident;
import io.cachet.incident.IncidentService;
import io.cachet.incident.IncidentStatus;
import io.cachet.monitor.MonitorService;
import io.cachet.monitor.MonitorType;
import io.cachet.monitor.SaveMonitor;
import io.cachet.persistence.EnabledIfDatabaseServer;
import io.cachet.settings.SettingsService;
import io.cachet.subscriber.SubscriberService;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two nodes on different ports sharing the local PostgreSQL and Redis, as in production:
 * a write on one is on the other's page within a second, a login on one is valid on the
 * other, a monitor is checked by one node per interval, and stopping a node in the middle
 * of a fan-out hands the rest to the other with nothing lost or sent twice.
 */
@EnabledIfDatabaseServer(name = "Redis", port = 6379)
class ClusterIntegrationTests {

	private static final String DATABASE = "cachet_cluster";

	private static final int SUBSCRIBERS = 400;

	@RegisterExtension
	static final MailServer smtp = new MailServer();

	@Test
	void twoNodesShareDataSessionsScheduledWorkAndTheOutbox() throws Exception {
		recreateDatabase();
		HttpServer target = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		List<Instant> checks = java.util.Collections.synchronizedList(new ArrayList<>());
		target.createContext("/health", (exchange) -> {
			checks.add(Instant.now());
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		target.start();
		ConfigurableApplicationContext a = start("a");
		// forget this test's keys of an earlier run (locks, versions), nobody else's
		StringRedisTemplate redis = a.getBean(StringRedisTemplate.class);
		for (String pattern : List.of("cachet:*", "job-lock:*")) {
			java.util.Set<String> keys = redis.keys(pattern);
			if (keys != null && !keys.isEmpty()) {
				redis.delete(keys);
			}
		}
		try (ConfigurableApplicationContext b = start("b")) {
			// a write on A is on B's page within a second
			long api = a.getBean(ComponentService.class)
				.createComponent(new CreateComponent("Cluster API", "", "", ComponentStatus.OPERATIONAL, 0, 0, true,
						null, List.of()))
				.id();
			assertThat(b.getBean(ClusterSignals.class)).isInstanceOf(RedisClusterSignals.class);
			// the first change also warms up both nodes (connections, compiled code)
			await().atMost(Duration.ofSeconds(10))
				.pollInterval(Duration.ofMillis(50))
				.until(() -> get(b, "/api/v2/summary.json").contains("Cluster API"));
			a.getBean(ComponentService.class)
				.changeStatus(api, ComponentStatus.PARTIAL_OUTAGE, true, io.cachet.component.StatusChangeSource.MANUAL);
			await().atMost(Duration.ofSeconds(1))
				.pollInterval(Duration.ofMillis(50))
				.until(() -> get(b, "/api/v2/summary.json").contains("partial_outage"));
			a.getBean(SettingsService.class).set("app_name", "Clustered Status");
			await().atMost(Duration.ofSeconds(1))
				.pollInterval(Duration.ofMillis(50))
				.until(() -> get(b, "/").contains("Clustered Status"));

			// a login on A is valid on B
			FormClient onA = new FormClient(port(a));
			onA.logIn("admin", "correct horse battery");
			String session = onA.cookie("SESSION").orElseThrow().getValue();
			HttpResponse<String> dashboardOnB = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port(b) + "/dashboard"))
					.header("Cookie", "SESSION=" + session)
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(dashboardOnB.statusCode()).isEqualTo(200);
			assertThat(dashboardOnB.body()).contains("Cluster API");

			// failed logins are counted across the cluster: 10 on A block the account on
			// B
			for (int i = 0; i < 10; i++) {
				FormClient wrong = new FormClient((i % 2 == 0) ? port(a) : port(b));
				wrong.logIn("admin", "wrong password " + i);
			}
			FormClient onB = new FormClient(port(b));
			HttpResponse<String> blocked = onB.logIn("admin", "correct horse battery");
			assertThat(FormClient.location(blocked)).endsWith("/auth/login?throttled");
			a.getBean(StringRedisTemplate.class).delete(a.getBean(StringRedisTemplate.class).keys("cachet:window:*"));

			// a monitor is checked by one node per interval
			long monitored = a.getBean(ComponentService.class)
				.createComponent(
						new CreateComponent("Monitored", "", "", ComponentStatus.UNKNOWN, 0, 0, true, null, List.of()))
				.id();
			a.getBean(MonitorService.class)
				.createMonitor(new SaveMonitor(monitored, MonitorType.HTTP,
						"http://127.0.0.1:" + target.getAddress().getPort() + "/health", 2, 1, null, null, null, null,
						null, null, null, null, 1, 1, false, null, true));
			await().atMost(Duration.ofSeconds(10)).until(() -> checks.size() >= 2);
			Instant from = Instant.now();
			int before = checks.size();
			Thread.sleep(10_000);
			int during = checks.size() - before;
			assertThat(during).as("checks in 10 s at a 2 s interval").isBetween(3, 6);
			assertThat(gaps(checks)).allMatch((gap) -> gap.toMillis() >= 1000);
			assertThat(from).isBefore(Instant.now());

			// a fan-out that node A starts and node B finishes after A stops
			SubscriberService subscribers = a.getBean(SubscriberService.class);
			for (int i = 0; i < SUBSCRIBERS; i++) {
				subscribers.subscribe("node" + i + "@example.com", true, null);
			}
			a.getBean(IncidentService.class)
				.createIncident(new CreateIncident("Cluster outage", IncidentStatus.INVESTIGATING, "Looking", 0, null,
						null, Map.of(), true, false, true, null, null,
						List.of(new AffectedComponent(api, ComponentStatus.MAJOR_OUTAGE)), null));
			await().atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessages().length >= 40);
			a.close();
			await().atMost(Duration.ofSeconds(60)).until(() -> smtp.getReceivedMessages().length >= SUBSCRIBERS);
			Thread.sleep(1000);
			MimeMessage[] received = smtp.getReceivedMessages();
			Set<String> recipients = new HashSet<>();
			for (MimeMessage message : received) {
				recipients.add(message.getRecipients(Message.RecipientType.TO)[0].toString());
			}
			assertThat(received).hasSize(SUBSCRIBERS);
			assertThat(recipients).hasSize(SUBSCRIBERS);
			assertThat(JdbcClient.create(b.getBean(javax.sql.DataSource.class))
				.sql("SELECT COUNT(*) FROM deliveries WHERE status = 'sent'")
				.query(Long.class)
				.single()).isEqualTo(SUBSCRIBERS);

			// and the monitor goes on, on B alone
			int afterStop = checks.size();
			await().atMost(Duration.ofSeconds(8)).until(() -> checks.size() >= afterStop + 2);
		}
		finally {
			if (a.isActive()) {
				a.close();
			}
			target.stop(0);
		}
	}

	private static List<Duration> gaps(List<Instant> checks) {
		List<Instant> sorted = new ArrayList<>(checks);
		sorted.sort(null);
		List<Duration> gaps = new ArrayList<>();
		for (int i = 1; i < sorted.size(); i++) {
			gaps.add(Duration.between(sorted.get(i - 1), sorted.get(i)));
		}
		return gaps;
	}

	private static ConfigurableApplicationContext start(String node) {
		return new SpringApplicationBuilder(CachetApplication.class).run(
				"--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/" + DATABASE,
				"--spring.datasource.username=postgres", "--spring.datasource.password=", "--server.port=0",
				"--spring.data.redis.host=127.0.0.1", "--spring.data.redis.port=6379", "--spring.mail.host=127.0.0.1",
				"--spring.mail.port=" + smtp.port(), "--cachet.monitors.minimum-interval=1",
				"--cachet.notifications.poll-interval=100ms", "--cachet.notifications.batch-size=10",
				"--cachet.notifications.concurrency=1", "--CACHET_ADMIN_USERNAME=admin",
				"--CACHET_ADMIN_EMAIL=admin@example.com", "--CACHET_ADMIN_PASSWORD=correct horse battery",
				"--cachet.test.node=" + node);
	}

	private static void recreateDatabase() throws Exception {
		try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres",
				"postgres", ""); Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
			statement.execute("CREATE DATABASE " + DATABASE);
		}
	}

	private static int port(ConfigurableApplicationContext app) {
		return ((WebServerApplicationContext) app).getWebServer().getPort();
	}

	private static String get(ConfigurableApplicationContext app, String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port(app) + path)).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
	}

}
