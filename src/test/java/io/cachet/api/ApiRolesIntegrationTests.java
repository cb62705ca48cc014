package io.cachet.api;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.cachet.CachetIntegrationTest;
import io.cachet.TestUsers;
import io.cachet.component.ComponentService;
import io.cachet.component.ComponentStatus;
import io.cachet.component.CreateComponent;
import io.cachet.monitor.MonitorService;
import io.cachet.notification.WebhookService;
import io.cachet.shared.ListQuery;
import io.cachet.user.UserService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attacks of issue 14, item 1, over real HTTP, each seen failing: a level-2 token
 * aiming a monitor at the cloud metadata address or reading the monitors, webhooks and
 * upstreams; an admin's token reading back header values or webhook URLs; a re-pointed
 * webhook signing with its old secret. The whole route × role table is
 * {@code RoleMatrixIntegrationTests}.
 */
@CachetIntegrationTest
class ApiRolesIntegrationTests {

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

	ApiTestClient api;

	Map<String, String> admin;

	Map<String, String> user;

	long component;

	@BeforeEach
	void setUp() {
		this.api = new ApiTestClient(this.port);
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		this.admin = Map.of("X-Cachet-Token",
				this.users.createUser(TestUsers.admin("roles-admin-" + suffix)).apiToken());
		this.user = Map.of("X-Cachet-Token", this.users.createUser(TestUsers.user("roles-user-" + suffix)).apiToken());
		this.component = this.components
			.createComponent(new CreateComponent("Roles " + suffix, "", "", ComponentStatus.OPERATIONAL, 0, 0, true,
					null, List.of()))
			.id();
	}

	@Test
	void aLevel2TokenCannotAimAMonitorAtTheMetadataAddress() {
		int before = this.monitors.findMonitors(ListQuery.all()).items().size();

		ApiTestClient.Response response = this.api.send("POST", "/api/v1/monitors",
				"{\"component_id\":" + this.component + ",\"type\":\"http\","
						+ "\"target\":\"http://169.254.169.254/latest/meta-data/iam/security-credentials/\","
						+ "\"headers\":{\"Metadata-Flavor\":\"Google\"},\"keyword\":\"a\"}",
				this.user);

		assertForbidden(response);
		assertThat(this.monitors.findMonitors(ListQuery.all()).items()).hasSize(before);
	}

	@Test
	void aLevel2TokenReadsNoMonitorsWebhooksOrUpstreams() {
		long monitor = createMonitor("Bearer admins-only");
		long webhook = createWebhook("https://hooks.slack.com/services/T1/B2/level2cannotsee").path("id").asLong();
		for (String path : List.of("/api/v1/monitors", "/api/v1/monitors/" + monitor,
				"/api/v1/monitors/" + monitor + "/results", "/api/v1/webhooks", "/api/v1/webhooks/" + webhook,
				"/api/v1/webhooks/" + webhook + "/deliveries", "/api/v1/upstreams")) {
			assertForbidden(this.api.get(path, this.user));
			assertThat(this.api.get(path).status()).as("guest " + path).isEqualTo(401);
		}
		assertForbidden(this.api.send("PUT", "/api/v1/webhooks/" + webhook, "{\"url\":\"https://attacker.example/\"}",
				this.user));
		assertForbidden(this.api.send("DELETE", "/api/v1/monitors/" + monitor, null, this.user));
		assertForbidden(this.api.send("POST", "/api/v1/upstreams",
				"{\"name\":\"Scan\",\"url\":\"http://10.0.0.1:22/summary.json\"}", this.user));
		// what the dashboard lets level-2 users do, their tokens may do too
		assertThat(this.api.get("/api/v1/subscribers", this.user).status()).isEqualTo(200);
		assertThat(this.api.get("/api/v1/components/" + this.component, this.user).status()).isEqualTo(200);
	}

	@Test
	void anAdminSeesHeaderValuesOnlyInTheCreateAnswer() {
		ApiTestClient.Response created = this.api.send("POST", "/api/v1/monitors", monitorBody("Bearer only-once"),
				this.admin);
		assertThat(created.status()).as(created.body()).isEqualTo(200);
		assertThat(created.json().path("data").path("headers").path("Authorization").asString())
			.isEqualTo("Bearer only-once");
		long id = created.json().path("data").path("id").asLong();

		ApiTestClient.Response list = this.api.get("/api/v1/monitors", this.admin);
		ApiTestClient.Response one = this.api.get("/api/v1/monitors/" + id, this.admin);

		assertThat(list.body()).doesNotContain("only-once").contains("\"Authorization\":\"********\"");
		assertThat(one.body()).doesNotContain("only-once");
		assertThat(one.json().path("data").path("headers").path("Authorization").asString()).isEqualTo("********");

		// sent back hidden, the value is kept; an update's answer hides it too
		ApiTestClient.Response kept = this.api.send("PUT", "/api/v1/monitors/" + id,
				"{\"interval\":120,\"headers\":{\"Authorization\":\"********\",\"X-Extra\":\"1\"}}", this.admin);
		assertThat(kept.status()).as(kept.body()).isEqualTo(200);
		assertThat(kept.body()).doesNotContain("only-once");
		assertThat(this.monitors.getMonitor(id).headers()).containsEntry("Authorization", "Bearer only-once")
			.containsEntry("X-Extra", "1");

		// moved to another host, a hidden value is not carried along
		ApiTestClient.Response moved = this.api.send("PUT", "/api/v1/monitors/" + id,
				"{\"target\":\"https://collector.example/\"}", this.admin);
		assertThat(moved.status()).as(moved.body()).isIn(400, 422);
		assertThat(moved.body()).contains("Authorization");
		assertThat(this.monitors.getMonitor(id).target()).isEqualTo("http://127.0.0.1:9/health");

		// the placeholder is not a value a new monitor can be given
		assertThat(this.api.send("POST", "/api/v1/monitors", monitorBody("********"), this.admin).status()).isIn(400,
				422);
	}

	@Test
	void theWebhookUrlIsNotInTheListOrTheItem() {
		String url = "https://hooks.slack.com/services/T0001/B0002/" + UUID.randomUUID();
		JsonNode created = createWebhook(url);
		assertThat(created.path("url").asString()).isEqualTo(url);
		assertThat(created.path("secret").asString()).isNotEmpty();
		long id = created.path("id").asLong();

		ApiTestClient.Response list = this.api.get("/api/v1/webhooks?per_page=100", this.admin);
		ApiTestClient.Response one = this.api.get("/api/v1/webhooks/" + id, this.admin);

		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).doesNotContain("/services/T0001").contains("\"url\":\"https://hooks.slack.com/…\"");
		assertThat(one.body()).doesNotContain("/services/T0001").doesNotContain(created.path("secret").asString());
		// no ordering by the hidden URL, which would tell it apart a letter at a time
		ApiTestClient.Response sorted = this.api.get("/api/v1/webhooks?sort=url", this.admin);
		assertThat(sorted.body()).doesNotContain("/services/T0001");
	}

	@Test
	void aRepointedWebhookGetsANewSecret() {
		JsonNode created = createWebhook("https://hooks.example.com/old/" + UUID.randomUUID());
		long id = created.path("id").asLong();
		String old = created.path("secret").asString();

		ApiTestClient.Response same = this.api.send("PUT", "/api/v1/webhooks/" + id,
				"{\"description\":\"same address\"}", this.admin);
		assertThat(same.json().path("data").has("secret")).isFalse();
		assertThat(this.webhooks.secretOf(id)).isEqualTo(old);

		ApiTestClient.Response repointed = this.api.send("PUT", "/api/v1/webhooks/" + id,
				"{\"url\":\"https://attacker.example/collect\"}", this.admin);

		assertThat(repointed.status()).as(repointed.body()).isEqualTo(200);
		String fresh = repointed.json().path("data").path("secret").asString();
		assertThat(fresh).isNotEmpty().isNotEqualTo(old);
		assertThat(this.webhooks.secretOf(id)).isEqualTo(fresh);
		assertThat(this.api.get("/api/v1/webhooks/" + id, this.admin).body()).doesNotContain(fresh).doesNotContain(old);

		// re-pointed with a secret of the caller's choosing: that one, not echoed
		ApiTestClient.Response chosen = this.api.send("PUT", "/api/v1/webhooks/" + id,
				"{\"url\":\"https://hooks.example.com/new\",\"secret\":\"chosen-secret-123\"}", this.admin);
		assertThat(chosen.json().path("data").has("secret")).isFalse();
		assertThat(this.webhooks.secretOf(id)).isEqualTo("chosen-secret-123");
	}

	private long createMonitor(String authorization) {
		ApiTestClient.Response created = this.api.send("POST", "/api/v1/monitors", monitorBody(authorization),
				this.admin);
		assertThat(created.status()).as(created.body()).isEqualTo(200);
		return created.json().path("data").path("id").asLong();
	}

	private String monitorBody(String authorization) {
		// disabled: the test needs the monitor, not its checks
		return "{\"component_id\":" + this.component + ",\"type\":\"http\",\"target\":\"http://127.0.0.1:9/health\","
				+ "\"enabled\":false,\"headers\":{\"Authorization\":\"" + authorization + "\"}}";
	}

	private JsonNode createWebhook(String url) {
		ApiTestClient.Response created = this.api.send("POST", "/api/v1/webhooks",
				"{\"url\":\"" + url + "\",\"enabled\":false}", this.admin);
		assertThat(created.status()).as(created.body()).isEqualTo(200);
		return created.json().path("data");
	}

	private static void assertForbidden(ApiTestClient.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(403);
		JsonNode error = response.json().path("errors").path(0);
		assertThat(error.path("status").asInt()).isEqualTo(403);
		assertThat(error.path("title").asString()).isEqualTo("Forbidden");
	}

}
