package io.cachet.dashboard;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cachet.IsolatedIntegrationTest;
import io.cachet.TestUsers;
import io.cachet.component.ComponentService;
import io.cachet.component.ComponentStatus;
import io.cachet.component.CreateComponent;
import io.cachet.monitor.MonitorService;
import io.cachet.monitor.MonitorState;
import io.cachet.monitor.MonitorType;
import io.cachet.monitor.MonitorView;
import io.cachet.shared.ListQuery;
import io.cachet.user.UserService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The monitor pages over HTTP: monitors are made (and refused), changed and deleted
 * through the form, and the results of one checking a local HTTP server are listed.
 */
@IsolatedIntegrationTest(properties = "cachet.monitors.minimum-interval=1")
class MonitorsDashboardIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	UserService users;

	@Autowired
	ComponentService components;

	@Autowired
	MonitorService monitors;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	LoginThrottle throttle;

	FormClient browser;

	HttpServer target;

	long component;

	@BeforeEach
	void setUp() throws Exception {
		String username = "monitors" + System.nanoTime();
		this.users.createUser(TestUsers.admin(username));
		this.throttle.clear();
		this.browser = FormClient.loggedIn(this.port, username, "correct horse battery");
		this.component = this.components
			.createComponent(new CreateComponent("Checkout " + System.nanoTime(), "", "", ComponentStatus.UNKNOWN, 0, 0,
					true, null, List.of()))
			.id();
		this.target = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.target.createContext("/health", (exchange) -> {
			byte[] body = "status: OK".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		this.target.start();
	}

	@AfterEach
	void tearDown() {
		this.target.stop(0);
		this.jdbc.sql("DELETE FROM monitors").update();
	}

	@Test
	void monitorsAreCreatedEditedAndDeletedThroughTheForm() {
		assertThat(this.browser.get("/dashboard/monitors").body()).contains("No monitors yet")
			.contains("href=\"/dashboard/monitors\"");
		assertThat(this.browser.get("/dashboard/monitors/create").statusCode()).isEqualTo(200);

		Map<String, String> form = httpForm("ftp://example.com/health");
		form.put("interval", "0");
		var rejected = this.browser.post("/dashboard/monitors", form);
		assertThat(rejected.statusCode()).isEqualTo(200);
		assertThat(rejected.body()).contains("notice error")
			.contains("The interval must be between 1 and 86400 seconds.")
			.contains("The target must be an http or https URL.")
			.contains("value=\"ftp://example.com/health\"");
		assertThat(allMonitors()).isEmpty();

		form.put("target", localUrl());
		form.put("interval", "sixty");
		form.put("expectedStatus", "200, OK");
		form.put("headers", "no colon here");
		var unreadable = this.browser.post("/dashboard/monitors", form);
		assertThat(unreadable.statusCode()).isEqualTo(200);
		assertThat(unreadable.body()).contains("Give a whole number.")
			.contains("Give status codes separated by commas")
			.contains("Write one header per line as Name: value.");
		assertThat(allMonitors()).isEmpty();

		form.put("interval", "60");
		form.put("expectedStatus", "200, 204");
		form.put("headers", "Authorization: Bearer abc\nX-Probe: dashboard");
		var created = this.browser.post("/dashboard/monitors", form);
		assertThat(FormClient.location(created)).endsWith("/dashboard/monitors");
		MonitorView monitor = allMonitors().get(0);
		assertThat(monitor.componentId()).isEqualTo(this.component);
		assertThat(monitor.type()).isEqualTo(MonitorType.HTTP);
		assertThat(monitor.expectedStatus()).containsExactly(200, 204);
		assertThat(monitor.headers()).containsEntry("Authorization", "Bearer abc")
			.containsEntry("X-Probe", "dashboard");
		assertThat(monitor.keyword()).isEqualTo("OK");
		assertThat(monitor.keywordAbsent()).isTrue();
		assertThat(monitor.latencyThresholdMs()).isEqualTo(500);
		assertThat(monitor.autoIncident()).isTrue();
		assertThat(monitor.followRedirects()).isFalse();
		String list = this.browser.get("/dashboard/monitors").body();
		assertThat(list).contains("created.").contains(localUrl()).contains("state-unknown");

		String edit = this.browser.get("/dashboard/monitors/" + monitor.id() + "/edit").body();
		// the header values were shown once, when typed; the edit form hides them
		assertThat(edit).contains("value=\"200, 204\"")
			.contains("Authorization: ********")
			.contains("X-Probe: ********")
			.doesNotContain("Bearer abc");
		Map<String, String> kept = httpForm(localUrl());
		kept.put("id", String.valueOf(monitor.id()));
		kept.put("headers", "Authorization: ********\nX-Probe: changed");
		assertThat(FormClient.location(this.browser.post("/dashboard/monitors", kept))).endsWith("/dashboard/monitors");
		assertThat(this.monitors.getMonitor(monitor.id()).headers()).containsEntry("Authorization", "Bearer abc")
			.containsEntry("X-Probe", "changed");
		// moved to another host, the hidden value is not sent there
		kept.put("target", "http://attacker.example/collect");
		var moved = this.browser.post("/dashboard/monitors", kept);
		assertThat(moved.statusCode()).isEqualTo(200);
		assertThat(moved.body()).contains("Give the value of Authorization again");
		assertThat(this.monitors.getMonitor(monitor.id()).target()).isEqualTo(localUrl());
		Map<String, String> changed = new HashMap<>(Map.of("id", String.valueOf(monitor.id()), "componentId",
				String.valueOf(this.component), "type", "tcp", "target", "127.0.0.1:5432", "interval", "30", "timeout",
				"5", "latencyThreshold", "", "failureThreshold", "3", "recoveryThreshold", "2", "metricId", ""));
		assertThat(FormClient.location(this.browser.post("/dashboard/monitors", changed)))
			.endsWith("/dashboard/monitors");
		MonitorView saved = this.monitors.getMonitor(monitor.id());
		assertThat(saved.type()).isEqualTo(MonitorType.TCP);
		assertThat(saved.target()).isEqualTo("127.0.0.1:5432");
		assertThat(saved.intervalSeconds()).isEqualTo(30);
		assertThat(saved.latencyThresholdMs()).isNull();
		assertThat(saved.failureThreshold()).isEqualTo(3);
		assertThat(saved.enabled()).isFalse();
		assertThat(saved.autoIncident()).isFalse();

		changed.put("interval", "5");
		changed.put("timeout", "10");
		var badEdit = this.browser.post("/dashboard/monitors", changed);
		assertThat(badEdit.statusCode()).isEqualTo(200);
		assertThat(badEdit.body()).contains("shorter than the interval").contains("Edit monitor");
		assertThat(this.monitors.getMonitor(monitor.id()).intervalSeconds()).isEqualTo(30);

		this.browser.get("/dashboard/monitors");
		this.browser.post("/dashboard/monitors/" + monitor.id() + "/delete", Map.of());
		assertThat(allMonitors()).isEmpty();
		assertThat(this.browser.get("/dashboard/monitors/" + monitor.id()).statusCode()).isEqualTo(404);
		assertThat(this.browser.get("/dashboard/monitors/" + monitor.id() + "/edit").statusCode()).isEqualTo(404);
	}

	@Test
	void pushMonitorsShowTheirUrl() {
		this.browser.get("/dashboard/monitors/create");
		Map<String, String> form = httpForm("");
		form.put("type", "push");
		assertThat(FormClient.location(this.browser.post("/dashboard/monitors", form))).endsWith("/dashboard/monitors");
		MonitorView monitor = allMonitors().get(0);
		assertThat(monitor.pushToken()).isNotNull();
		String url = "http://localhost:" + this.port + "/api/v1/monitors/push/" + monitor.pushToken();
		assertThat(this.browser.get("/dashboard/monitors").body()).contains(url);
		assertThat(this.browser.get("/dashboard/monitors/" + monitor.id()).body()).contains(url);
		assertThat(this.browser.get("/dashboard/monitors/" + monitor.id() + "/edit").body()).contains(url);
	}

	@Test
	void theDetailsPageListsTheLatestResults() {
		this.browser.get("/dashboard/monitors/create");
		Map<String, String> form = httpForm(localUrl());
		form.put("interval", "1");
		form.put("timeout", "1");
		form.put("keywordAbsent", "false");
		form.put("failureThreshold", "1");
		this.browser.post("/dashboard/monitors", form);
		MonitorView monitor = allMonitors().get(0);

		await().atMost(Duration.ofSeconds(15))
			.until(() -> this.monitors.getMonitor(monitor.id()).state() == MonitorState.UP
					&& this.monitors.findResults(monitor.id(), 1, 10).total() >= 2);
		String details = this.browser.get("/dashboard/monitors/" + monitor.id()).body();
		assertThat(details).contains("Latest results").contains("data-result=").contains("state-up").contains(">200<");
		assertThat(details).containsPattern("\\d+ ms");
		assertThat(this.browser.get("/dashboard/monitors").body()).contains("state-up").doesNotContain(">never<");
	}

	@Test
	void monitorsAreForAdminsOnly() {
		String username = "nomonitors" + System.nanoTime();
		this.users.createUser(TestUsers.user(username));
		this.throttle.clear();
		FormClient user = FormClient.loggedIn(this.port, username, "correct horse battery");
		assertThat(user.get("/dashboard/monitors").statusCode()).isEqualTo(403);
		assertThat(user.get("/dashboard/components").body()).doesNotContain("href=\"/dashboard/monitors\"");
	}

	private Map<String, String> httpForm(String url) {
		return new HashMap<>(Map.ofEntries(Map.entry("componentId", String.valueOf(this.component)),
				Map.entry("type", "http"), Map.entry("target", url), Map.entry("interval", "60"),
				Map.entry("timeout", "5"), Map.entry("expectedStatus", "200"), Map.entry("keyword", "OK"),
				Map.entry("keywordAbsent", "true"), Map.entry("latencyThreshold", "500"), Map.entry("headers", ""),
				Map.entry("expectedAddress", ""), Map.entry("tlsDays", ""), Map.entry("failureThreshold", "2"),
				Map.entry("recoveryThreshold", "1"), Map.entry("autoIncident", "true"), Map.entry("metricId", ""),
				Map.entry("enabled", "true")));
	}

	private String localUrl() {
		return "http://127.0.0.1:" + this.target.getAddress().getPort() + "/health";
	}

	private List<MonitorView> allMonitors() {
		return this.monitors.findMonitors(ListQuery.all()).items();
	}

}
