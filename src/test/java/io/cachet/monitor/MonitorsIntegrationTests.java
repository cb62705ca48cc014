package io.cachet.monitor;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cachet.IsolatedIntegrationTest;
import io.cachet.TestUsers;
import io.cachet.api.ApiTestClient;
import io.cachet.component.ComponentService;
import io.cachet.component.ComponentStatus;
import io.cachet.component.CreateComponent;
import io.cachet.incident.IncidentService;
import io.cachet.incident.IncidentStatus;
import io.cachet.incident.IncidentView;
import io.cachet.metric.MetricService;
import io.cachet.metric.SaveMetric;
import io.cachet.shared.ListQuery;
import io.cachet.user.UserService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Monitors against real local servers: an HTTP server that can be told to fail, slow down
 * or answer the wrong body, a TCP listener, and a heartbeat.
 */
@IsolatedIntegrationTest(
		properties = { "cachet.monitors.minimum-interval=1", "cachet.monitors.trust-all-certificates=true" })
class MonitorsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	UserService users;

	@Autowired
	ComponentService components;

	@Autowired
	IncidentService incidents;

	@Autowired
	MetricService metrics;

	@Autowired
	JdbcClient jdbc;

	HttpServer target;

	/** ok, slow, wrong-body, error or hang */
	final AtomicReference<String> mode = new AtomicReference<>("ok");

	String token;

	@BeforeEach
	void setUp() throws Exception {
		this.token = this.users.createUser(TestUsers.admin("monitors" + System.nanoTime())).apiToken();
		this.target = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.target.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
		this.target.createContext("/health", (exchange) -> {
			String current = this.mode.get();
			try {
				if (current.equals("slow")) {
					Thread.sleep(400);
				}
				if (current.equals("hang")) {
					Thread.sleep(5000);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			byte[] body = (current.equals("wrong-body") ? "maintenance page" : "status: OK")
				.getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(current.equals("error") ? 500 : 200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		this.target.createContext("/other", (exchange) -> {
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		this.target.start();
	}

	@AfterEach
	void stop() {
		this.target.stop(0);
		this.jdbc.sql("DELETE FROM monitors").update();
	}

	@Test
	void anHttpMonitorFollowsItsTargetOpensAndResolvesAnIncidentAndFeedsAMetric() {
		long component = component("Checkout");
		long metric = this.metrics
			.createMetric(
					new SaveMetric("Checkout response time", "ms", null, BigDecimal.ZERO, 1, true, 0, 0, null, null, 1))
			.id();
		ApiTestClient.Response created = api("POST", "/api/v1/monitors", """
				{"metric_id": %d, "component_id": %d, "type": "http", "target": "%s", "interval": 1, "timeout": 1,
				 "expected_status": [200], "keyword": "OK", "latency_threshold": 300, "failure_threshold": 2,
				 "auto_incident": true}
				""".formatted(metric, component, url("/health")));
		assertThat(created.status()).as(created.body()).isEqualTo(200);
		assertThat(created.body()).contains("\"type\":\"http\"", "\"expected_status\":[200]", "\"state\":\"unknown\"");
		long monitor = id(created.body());

		awaitStatus(component, ComponentStatus.OPERATIONAL);

		this.mode.set("wrong-body");
		awaitStatus(component, ComponentStatus.MAJOR_OUTAGE);
		IncidentView opened = latestIncident("Checkout is down");
		assertThat(opened.message()).contains("The keyword was not found");
		assertThat(opened.status()).isEqualTo(IncidentStatus.INVESTIGATING);

		this.mode.set("ok");
		awaitStatus(component, ComponentStatus.OPERATIONAL);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> latestIncident("Checkout is down").updates()
				.stream()
				.anyMatch((update) -> update.status() == IncidentStatus.FIXED));

		this.mode.set("slow");
		awaitStatus(component, ComponentStatus.PERFORMANCE_ISSUES);
		this.mode.set("error");
		awaitStatus(component, ComponentStatus.MAJOR_OUTAGE);

		ApiTestClient.Response results = api("GET", "/api/v1/monitors/" + monitor + "/results?per_page=100", null);
		assertThat(results.status()).isEqualTo(200);
		assertThat(results.body()).contains("\"outcome\":\"down\"", "\"status_code\":500",
				"\"message\":\"Unexpected status 500\"", "\"outcome\":\"degraded\"", "\"outcome\":\"up\"");
		assertThat(results.body().indexOf("\"outcome\":\"down\""))
			.isLessThan(results.body().indexOf("\"outcome\":\"up\""));
		assertThat(this.metrics.findPoints(metric, ListQuery.all()).total()).isPositive();
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM component_status_history WHERE component_id = ? AND source = 'monitor'")
			.param(component)
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(4);
	}

	@Test
	void aMonitorKeepsWorkingAfterItsMetricAndItsIncidentAreDeleted() {
		long component = component("Search");
		long metric = this.metrics
			.createMetric(
					new SaveMetric("Search response time", "ms", null, BigDecimal.ZERO, 1, true, 0, 0, null, null, 1))
			.id();
		ApiTestClient.Response created = api("POST", "/api/v1/monitors", """
				{"metric_id": %d, "component_id": %d, "type": "http", "target": "%s", "interval": 1, "timeout": 1,
				 "failure_threshold": 1, "auto_incident": true}
				""".formatted(metric, component, url("/health")));
		assertThat(created.status()).as(created.body()).isEqualTo(200);
		awaitStatus(component, ComponentStatus.OPERATIONAL);

		// a metric deleted under its monitor: feeding it used to roll back the whole
		// result, so the monitor never saw its target fail
		this.metrics.deleteMetric(metric);
		this.mode.set("error");
		awaitStatus(component, ComponentStatus.MAJOR_OUTAGE);

		// likewise the incident it opened: resolving it used to roll back the recovery
		this.incidents.deleteIncident(latestIncident("Search is down").id());
		this.mode.set("ok");
		awaitStatus(component, ComponentStatus.OPERATIONAL);
	}

	@Test
	void aTcpMonitorSeesAListenerComeAndGo() throws Exception {
		long component = component("Database");
		ServerSocket listener = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(() -> {
			while (!listener.isClosed()) {
				try (Socket ignored = listener.accept()) {
					// accept and close
				}
				catch (Exception ex) {
					return;
				}
			}
		});
		acceptor.start();
		int port = listener.getLocalPort();
		ApiTestClient.Response created = api("POST", "/api/v1/monitors", """
				{"component_id": %d, "type": "tcp", "target": "127.0.0.1:%d", "interval": 1, "failure_threshold": 1}
				""".formatted(component, port));
		assertThat(created.status()).as(created.body()).isEqualTo(200);
		awaitStatus(component, ComponentStatus.OPERATIONAL);
		listener.close();
		awaitStatus(component, ComponentStatus.MAJOR_OUTAGE);
	}

	@Test
	void aPushMonitorIsDownWhenTheHeartbeatStops() {
		long component = component("Nightly job");
		ApiTestClient.Response created = api("POST", "/api/v1/monitors", """
				{"component_id": %d, "type": "push", "interval": 2, "failure_threshold": 1}
				""".formatted(component));
		assertThat(created.status()).as(created.body()).isEqualTo(200);
		Matcher push = Pattern.compile("\"push_url\":\"https?://[^/]+(/api/v1/monitors/push/[0-9a-f]{40})\"")
			.matcher(created.body());
		assertThat(push.find()).isTrue();
		assertThat(api("POST", push.group(1), null).status()).isEqualTo(200);
		assertThat(api("GET", "/api/v1/monitors/push/" + "0".repeat(40), null).status()).isEqualTo(404);
		awaitStatus(component, ComponentStatus.OPERATIONAL);
		// no more heartbeats
		awaitStatus(component, ComponentStatus.MAJOR_OUTAGE);
		api("GET", push.group(1), null);
		awaitStatus(component, ComponentStatus.OPERATIONAL);
	}

	@Test
	void aTlsMonitorFailsWhenTheCertificateExpiresTooSoon(@TempDir Path dir) throws Exception {
		Path keystore = dir.resolve("server.p12");
		Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
				"-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "5", "-dname",
				"CN=localhost", "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", "changeit",
				"-keypass", "changeit")
			.redirectErrorStream(true)
			.start();
		assertThat(keytool.waitFor()).isZero();
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (var in = Files.newInputStream(keystore)) {
			store.load(in, "changeit".toCharArray());
		}
		KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		keys.init(store, "changeit".toCharArray());
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(keys.getKeyManagers(), null, null);
		try (SSLServerSocket server = (SSLServerSocket) context.getServerSocketFactory()
			.createServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			Thread acceptor = new Thread(() -> {
				while (!server.isClosed()) {
					try (SSLSocket socket = (SSLSocket) server.accept()) {
						socket.startHandshake();
					}
					catch (Exception ex) {
						// the next one
					}
				}
			});
			acceptor.setDaemon(true);
			acceptor.start();
			long component = component("Certificate");
			ApiTestClient.Response created = api("POST", "/api/v1/monitors", """
					{"component_id": %d, "type": "tls", "target": "127.0.0.1:%d", "interval": 1, "failure_threshold": 1}
					""".formatted(component, server.getLocalPort()));
			assertThat(created.body()).contains("\"tls_days\":14");
			awaitStatus(component, ComponentStatus.MAJOR_OUTAGE);
			assertThat(api("GET", "/api/v1/monitors/" + id(created.body()) + "/results", null).body())
				.contains("The certificate expires in 4 days");
			api("PUT", "/api/v1/monitors/" + id(created.body()), """
					{"tls_days": 2}
					""");
			awaitStatus(component, ComponentStatus.OPERATIONAL);
		}
	}

	@Test
	void dnsAndRedirectChecksLookAtWhatTheyAreTold() {
		this.target.createContext("/moved", (exchange) -> {
			exchange.getResponseHeaders().add("Location", "/health");
			exchange.sendResponseHeaders(302, -1);
			exchange.close();
		});
		long dns = component("Resolver");
		long dnsId = id(api("POST", "/api/v1/monitors", """
				{"component_id": %d, "type": "dns", "target": "localhost", "interval": 1, "failure_threshold": 1,
				 "expected_address": "127.0.0.1"}
				""".formatted(dns)).body());
		awaitStatus(dns, ComponentStatus.OPERATIONAL);
		api("PUT", "/api/v1/monitors/" + dnsId, """
				{"expected_address": "10.9.9.9"}
				""");
		awaitStatus(dns, ComponentStatus.MAJOR_OUTAGE);

		long redirect = component("Redirect");
		long redirectId = id(api("POST", "/api/v1/monitors", """
				{"component_id": %d, "type": "http", "target": "%s", "interval": 1, "timeout": 1,
				 "failure_threshold": 1, "follow_redirects": false, "expected_status": [302]}
				""".formatted(redirect, url("/moved"))).body());
		awaitStatus(redirect, ComponentStatus.OPERATIONAL);
		api("PUT", "/api/v1/monitors/" + redirectId, """
				{"follow_redirects": true}
				""");
		awaitStatus(redirect, ComponentStatus.MAJOR_OUTAGE);
		api("PUT", "/api/v1/monitors/" + redirectId, """
				{"expected_status": [200]}
				""");
		awaitStatus(redirect, ComponentStatus.OPERATIONAL);

		this.target.createContext("/away", (exchange) -> {
			exchange.getResponseHeaders().add("Location", "http://example.invalid/elsewhere");
			exchange.sendResponseHeaders(301, -1);
			exchange.close();
		});
		api("PUT", "/api/v1/monitors/" + redirectId, """
				{"target": "%s"}
				""".formatted(url("/away")));
		awaitStatus(redirect, ComponentStatus.MAJOR_OUTAGE);
		assertThat(api("GET", "/api/v1/monitors/" + redirectId + "/results", null).body())
			.contains("Redirected to another host (example.invalid)");
	}

	@Test
	void aHangingTargetDoesNotHoldUpOtherMonitors() {
		long hanging = component("Hanging");
		long healthy = component("Healthy");
		this.mode.set("hang");
		api("POST", "/api/v1/monitors",
				"""
						{"component_id": %d, "type": "http", "target": "%s", "interval": 4, "timeout": 3, "failure_threshold": 1}
						"""
					.formatted(hanging, url("/health")));
		long other = id(api("POST", "/api/v1/monitors", """
				{"component_id": %d, "type": "http", "target": "%s", "interval": 1, "timeout": 1}
				""".formatted(healthy, url("/other"))).body());
		await().atMost(Duration.ofSeconds(15))
			.until(() -> this.jdbc.sql("SELECT COUNT(*) FROM monitor_results WHERE monitor_id = ?")
				.param(other)
				.query(Long.class)
				.single() >= 4);
		awaitStatus(hanging, ComponentStatus.MAJOR_OUTAGE);
		assertThat(this.components.getComponent(healthy).status()).isEqualTo(ComponentStatus.OPERATIONAL);
	}

	@Test
	void badMonitorsAreRefusedAndReadsNeedTheToken() {
		long component = component("Anything");
		assertThat(api("POST", "/api/v1/monitors", """
				{"component_id": %d, "type": "smtp"}
				""".formatted(component)).status()).isEqualTo(400);
		assertThat(api("POST", "/api/v1/monitors", """
				{"component_id": %d, "type": "http", "target": "ftp://x"}
				""".formatted(component)).status()).isEqualTo(400);
		assertThat(api("POST", "/api/v1/monitors", """
				{"component_id": %d, "type": "tcp", "target": "no-port"}
				""".formatted(component)).status()).isEqualTo(400);
		assertThat(api("POST", "/api/v1/monitors", """
				{"component_id": 999999, "type": "tcp", "target": "localhost:1"}
				""").status()).isEqualTo(400);
		assertThat(api("POST", "/api/v1/monitors", """
				{"component_id": %d, "type": "http", "target": "http://x", "interval": 5, "timeout": 9}
				""".formatted(component)).status()).isEqualTo(400);
		ApiTestClient.Response ok = api("POST", "/api/v1/monitors", """
				{"component_id": %d, "type": "dns", "target": "localhost", "interval": 60, "enabled": false}
				""".formatted(component));
		assertThat(ok.status()).isEqualTo(200);
		long id = id(ok.body());
		ApiTestClient.Response changed = api("PUT", "/api/v1/monitors/" + id, """
				{"interval": 120, "expected_address": "127.0.0.1"}
				""");
		assertThat(changed.body()).contains("\"interval\":120", "\"expected_address\":\"127.0.0.1\"");
		this.token = null;
		assertThat(api("GET", "/api/v1/monitors", null).status()).isEqualTo(401);
		assertThat(api("GET", "/api/v1/monitors/" + id + "/results", null).status()).isEqualTo(401);
	}

	private long component(String name) {
		return this.components
			.createComponent(new CreateComponent(name, "", "", ComponentStatus.UNKNOWN, 0, 0, true, null, List.of()))
			.id();
	}

	private IncidentView latestIncident(String name) {
		return this.incidents.findIncidents(ListQuery.all(), false)
			.items()
			.stream()
			.filter((incident) -> incident.name().equals(name))
			.reduce((first, second) -> (second.id() > first.id()) ? second : first)
			.orElseThrow();
	}

	private void awaitStatus(long component, ComponentStatus status) {
		await().atMost(Duration.ofSeconds(15))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> this.components.getComponent(component).status() == status);
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.target.getAddress().getPort() + path;
	}

	private static long id(String body) {
		Matcher matcher = Pattern.compile("\"id\":(\\d+)").matcher(body);
		assertThat(matcher.find()).as(body).isTrue();
		return Long.parseLong(matcher.group(1));
	}

	private ApiTestClient.Response api(String method, String path, String json) {
		return new ApiTestClient(this.port).send(method, path, json,
				(this.token != null) ? Map.of("X-Cachet-Token", this.token, "Accept", "application/json")
						: Map.of("Accept", "application/json"));
	}

}
