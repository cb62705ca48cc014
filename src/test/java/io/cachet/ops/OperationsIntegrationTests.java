package io.cachet.ops;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cachet.IsolatedIntegrationTest;
import io.cachet.TestUsers;
import io.cachet.component.ComponentService;
import io.cachet.component.ComponentStatus;
import io.cachet.component.CreateComponent;
import io.cachet.component.StatusChangeSource;
import io.cachet.monitor.MonitorService;
import io.cachet.monitor.MonitorType;
import io.cachet.monitor.SaveMonitor;
import io.cachet.notification.SaveWebhook;
import io.cachet.notification.WebhookFormat;
import io.cachet.notification.WebhookService;
import io.cachet.persistence.SwitchableDatabase;
import io.cachet.user.UserService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Prometheus scrapes the metrics with the metrics token, and nobody else can; the meters
 * follow the page cache, monitor checks and failed deliveries; the liveness probe stays
 * up through a database outage while the readiness probe goes down.
 */
@Import(SwitchableDatabase.class)
@IsolatedIntegrationTest(properties = { "cachet.metrics.token=" + OperationsIntegrationTests.TOKEN,
		"cachet.monitors.minimum-interval=1", "cachet.notifications.poll-interval=100ms",
		"cachet.notifications.retry-base=50ms", "cachet.notifications.max-attempts=1" })
class OperationsIntegrationTests {

	static final String TOKEN = "scrape-me-0123456789";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	int port;

	@Autowired
	UserService users;

	@Autowired
	ComponentService components;

	@Autowired
	MonitorService monitors;

	@Autowired
	WebhookService webhooks;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void setUp() {
		TestUsers.ensureSetUp(this.users);
	}

	@AfterEach
	void databaseBack() {
		SwitchableDatabase.DOWN.set(false);
		this.jdbc.sql("DELETE FROM monitors").update();
	}

	@Test
	void metricsEndpointNeedsTheToken() throws Exception {
		assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
		HttpResponse<String> wrong = get("/actuator/prometheus", "Bearer not-the-token");
		assertThat(wrong.statusCode()).isEqualTo(401);
		assertThat(wrong.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((value) -> value.startsWith("Bearer"));
		assertThat(get("/actuator/prometheus", "Basic " + TOKEN).statusCode()).isEqualTo(401);
		assertThat(get("/actuator/metrics", "Bearer " + TOKEN).statusCode()).isIn(401, 403);
		assertThat(get("/actuator/env", "Bearer " + TOKEN).statusCode()).isIn(401, 403);
		assertThat(scrape()).contains("cachet_outbox_depth{").contains("jvm_memory_used_bytes");
	}

	@Test
	void pageCacheAndPageRequestsAreCounted() throws Exception {
		get("/", null);
		String before = scrape();
		assertThat(get("/", null).statusCode()).isEqualTo(200);
		assertThat(get("/", null).statusCode()).isEqualTo(200);
		assertThat(get("/api/v2/summary.json", null).statusCode()).isEqualTo(200);
		String after = scrape();
		assertThat(value(after, "cachet_page_cache_total", "result=\"hit\""))
			.isGreaterThanOrEqualTo(value(before, "cachet_page_cache_total", "result=\"hit\"") + 2);
		assertThat(value(after, "cachet_page_requests_seconds_count", "resource=\"page\""))
			.isGreaterThanOrEqualTo(value(before, "cachet_page_requests_seconds_count", "resource=\"page\"") + 2);
		assertThat(value(after, "cachet_page_requests_seconds_count", "resource=\"api_v2\""))
			.isGreaterThanOrEqualTo(value(before, "cachet_page_requests_seconds_count", "resource=\"api_v2\"") + 1);
		assertThat(after).contains("cachet_page_cache_total{")
			.contains("result=\"miss\"")
			.contains("result=\"render\"");
		assertThat(after).contains("cachet_outbox_depth{").contains("kind=\"notifications_pending\"");
		assertThat(after).contains("cachet_monitors{").contains("state=\"up\"");
		// Spring MVC's own request timer covers everything the page filter passes on.
		// The page filter answers before Spring's observation filter: the page's hot path
		// pays only for cachet.page.requests.
		get("/api/v1/ping", null);
		assertThat(scrape()).contains("http_server_requests_seconds_count{")
			.contains("uri=\"/api/v1/ping\"")
			.doesNotContain("uri=\"root\"");
	}

	@Test
	void monitorChecksAreCountedByTypeAndOutcome() throws Exception {
		HttpServer target = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		target.createContext("/health", (exchange) -> {
			byte[] body = "OK".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		target.start();
		try {
			double before = value(scrape(), "cachet_monitor_checks_total", "outcome=\"up\"", "type=\"http\"");
			long component = this.components
				.createComponent(new CreateComponent("Metered", "", "", ComponentStatus.OPERATIONAL, 0, 0, true, null,
						List.of()))
				.id();
			this.monitors.createMonitor(new SaveMonitor(component, MonitorType.HTTP,
					"http://127.0.0.1:" + target.getAddress().getPort() + "/health", 1, 1, List.of(200), null, null,
					null, null, null, null, null, 1, 1, false, null, true));
			await().atMost(Duration.ofSeconds(15))
				.until(() -> value(scrape(), "cachet_monitor_checks_total", "outcome=\"up\"",
						"type=\"http\"") > before);
			// the call went through Boot's RestClient, which times it
			assertThat(scrape()).contains("http_client_requests_seconds_count{");
		}
		finally {
			target.stop(0);
		}
	}

	@Test
	void failedDeliveriesAreCountedByChannel() throws Exception {
		double before = value(scrape(), "cachet_deliveries_total", "channel=\"webhook\"", "outcome=\"failed\"");
		this.webhooks
			.createWebhook(new SaveWebhook("http://127.0.0.1:9/", null, "", WebhookFormat.JSON, true, null, true));
		long component = this.components
			.createComponent(
					new CreateComponent("Hooked", "", "", ComponentStatus.OPERATIONAL, 0, 0, true, null, List.of()))
			.id();
		this.components.changeStatus(component, ComponentStatus.MAJOR_OUTAGE, false, StatusChangeSource.MANUAL);
		await().atMost(Duration.ofSeconds(15))
			.until(() -> value(scrape(), "cachet_deliveries_total", "channel=\"webhook\"",
					"outcome=\"failed\"") > before);
	}

	@Test
	void livenessStaysUpWhileTheDatabaseIsDownAndReadinessDoesNot() throws Exception {
		assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
		assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);

		SwitchableDatabase.DOWN.set(true);
		HttpResponse<String> liveness = get("/actuator/health/liveness", null);
		assertThat(liveness.statusCode()).isEqualTo(200);
		assertThat(liveness.body()).contains("\"UP\"");
		HttpResponse<String> readiness = get("/actuator/health/readiness", null);
		assertThat(readiness.statusCode()).isEqualTo(503);
		assertThat(readiness.body()).contains("\"DOWN\"");
		// the page is served from memory meanwhile, and the metrics can still be scraped
		assertThat(get("/", null).statusCode()).isEqualTo(200);
		assertThat(scrape()).contains("cachet_outbox_depth{");

		SwitchableDatabase.DOWN.set(false);
		assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
	}

	private String scrape() throws IOException, InterruptedException {
		HttpResponse<String> response = get("/actuator/prometheus", "Bearer " + TOKEN);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body();
	}

	/**
	 * @return the sum of the samples of {@code name} whose labels contain all the
	 * fragments
	 */
	private static double value(String scrape, String name, String... labels) {
		double sum = 0;
		for (String line : scrape.split("\n")) {
			if (!line.startsWith(name + "{")) {
				continue;
			}
			String labelPart = line.substring(name.length(), line.lastIndexOf('}') + 1);
			boolean all = true;
			for (String label : labels) {
				all &= labelPart.contains(label);
			}
			if (all) {
				sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
			}
		}
		return sum;
	}

	private HttpResponse<String> get(String path, String authorization) throws IOException, InterruptedException {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(10));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
