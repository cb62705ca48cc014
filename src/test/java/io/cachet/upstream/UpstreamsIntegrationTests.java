package io.cachet.upstream;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.cachet.IsolatedIntegrationTest;
import io.cachet.TestUsers;
import io.cachet.component.ComponentService;
import io.cachet.component.ComponentStatus;
import io.cachet.component.ComponentView;
import io.cachet.user.UserService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Following other status pages end to end: a local HTTP server plays the upstream
 * (Statuspage summary.json, another Cachet's component list), upstreams are managed
 * through the API, and the poller's work is seen in the components, their history and the
 * public page.
 */
@IsolatedIntegrationTest(properties = { "cachet.upstreams.min-interval=1s", "cachet.upstreams.tick=100ms",
		"cachet.upstreams.timeout=2s" })
class UpstreamsIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration WAIT = Duration.ofSeconds(20);

	@LocalServerPort
	int port;

	@Autowired
	UserService users;

	@Autowired
	ComponentService components;

	@Autowired
	JdbcClient jdbc;

	UpstreamTestServer upstream;

	String token;

	final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void setUp() throws IOException {
		TestUsers.ensureSetUp(this.users);
		this.token = this.users.createUser(TestUsers.admin("upstreams" + System.nanoTime())).apiToken();
		this.upstream = new UpstreamTestServer();
	}

	@AfterEach
	void stop() {
		this.upstream.close();
	}

	@Test
	void followsAStatuspageSummaryAndKeepsStatusesInStep() {
		this.upstream.answer("/api/v2/summary.json", 200,
				UpstreamTestServer.summary(new String[] { "c1", "API Requests", "operational" },
						new String[] { "c2", "Webhooks", "degraded_performance" },
						new String[] { "c3", "Git Operations", "major_outage" }));
		String name = "GitHub " + UUID.randomUUID();
		JsonNode created = call("POST", "/api/v1/upstreams",
				Map.of("name", name, "url", this.upstream.url("/api/v2/summary.json"), "interval", 1));
		long id = created.path("data").path("id").asLong();
		assertThat(created.path("data").path("interval").asInt()).isEqualTo(1);
		assertThat(created.path("data").path("grace").asInt()).isEqualTo(300);
		assertThat(created.path("data").path("enabled").asBoolean()).isTrue();

		JsonNode followed = awaitUpstream(id, (data) -> data.path("components").size() == 3);
		assertThat(followed.path("kind").asString()).isEqualTo("statuspage");
		assertThat(followed.path("last_error").isNull()).isTrue();
		assertThat(followed.path("last_success_at").asString()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
		long groupId = followed.path("component_group_id").asLong();
		assertThat(this.components.getGroup(groupId).name()).isEqualTo(name);
		Map<String, ComponentView> byExternal = mirrored(followed);
		assertThat(byExternal).containsOnlyKeys("c1", "c2", "c3");
		assertThat(byExternal.get("c1").name()).isEqualTo("API Requests");
		assertThat(byExternal.get("c1").status()).isEqualTo(ComponentStatus.OPERATIONAL);
		assertThat(byExternal.get("c2").status()).isEqualTo(ComponentStatus.PERFORMANCE_ISSUES);
		assertThat(byExternal.get("c3").status()).isEqualTo(ComponentStatus.MAJOR_OUTAGE);
		assertThat(byExternal.values()).allMatch((component) -> component.groupId() == groupId);
		assertThat(followed.path("components").get(2).path("status").asInt()).isEqualTo(4);

		this.upstream.answer("/api/v2/summary.json", 200,
				UpstreamTestServer.summary(new String[] { "c1", "API Requests", "partial_outage" },
						new String[] { "c2", "Webhooks v2", "degraded_performance" },
						new String[] { "c3", "Git Operations", "operational" },
						new String[] { "c4", "Pages", "under_maintenance" }));
		JsonNode changed = awaitUpstream(id, (data) -> data.path("components").size() == 4 && status(data, "c1") == 3
				&& status(data, "c3") == 1 && name(data, "c2").equals("Webhooks v2"));
		assertThat(status(changed, "c4")).isEqualTo(ComponentStatus.PERFORMANCE_ISSUES.code());
		assertThat(this.components.getComponent(componentId(changed, "c2")).name()).isEqualTo("Webhooks v2");
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM component_status_history WHERE component_id = ? AND old_status = 1 "
					+ "AND new_status = 3 AND source = 'upstream'")
			.param(componentId(changed, "c1"))
			.query(Long.class)
			.single()).isEqualTo(1);

		this.upstream.answer("/api/v2/summary.json", 200,
				UpstreamTestServer.summary(new String[] { "c1", "API Requests", "partial_outage" },
						new String[] { "c3", "Git Operations", "operational" },
						new String[] { "c4", "Pages", "operational" }));
		awaitUpstream(id, (data) -> status(data, "c2") == 0 && status(data, "c4") == 1);

		assertThat(this.upstream.requests).isNotEmpty().allMatch((target) -> target.equals("/api/v2/summary.json"));
	}

	@Test
	void anUnreachableUpstreamMakesItsComponentsUnknownAfterTheGracePeriodNeverAnOutage() {
		this.upstream.answer("/summary.json", 200, UpstreamTestServer.summary(
				new String[] { "a", "Payments", "operational" }, new String[] { "b", "Checkout", "partial_outage" }));
		long id = call("POST", "/api/v1/upstreams", Map.of("name", "Stripe " + UUID.randomUUID(), "url",
				this.upstream.url("/summary.json"), "interval", 1, "grace", 300))
			.path("data")
			.path("id")
			.asLong();
		awaitUpstream(id, (data) -> data.path("components").size() == 2);

		this.upstream.answer("/summary.json", 500, "{\"error\":\"boom\"}");
		JsonNode failing = awaitUpstream(id, (data) -> data.path("last_error").asString("").contains("HTTP 500"));
		assertThat(status(failing, "a")).isEqualTo(1);
		assertThat(status(failing, "b")).isEqualTo(3);

		JsonNode graceChanged = call("PUT", "/api/v1/upstreams/" + id, Map.of("grace", 1));
		assertThat(graceChanged.path("data").path("grace").asInt()).isEqualTo(1);
		JsonNode unknown = awaitUpstream(id, (data) -> status(data, "a") == 0 && status(data, "b") == 0);
		assertThat(mirrored(unknown).values()).noneMatch((c) -> c.status() == ComponentStatus.MAJOR_OUTAGE);
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM component_status_history WHERE component_id = ? AND new_status = 0 "
					+ "AND source = 'upstream'")
			.param(componentId(unknown, "b"))
			.query(Long.class)
			.single()).isEqualTo(1);

		this.upstream.answer("/summary.json", 200, "<html>Bad gateway</html>");
		awaitUpstream(id, (data) -> data.path("last_error").asString("").contains("not JSON"));
		this.upstream.answer("/summary.json", 200, "{\"hello\":\"world\"}");
		awaitUpstream(id, (data) -> data.path("last_error").asString("").contains("neither"));
		assertThat(mirrored(getUpstream(id)).values()).allMatch((c) -> c.status() == ComponentStatus.UNKNOWN);

		this.upstream.answer("/summary.json", 200, UpstreamTestServer
			.summary(new String[] { "a", "Payments", "operational" }, new String[] { "b", "Checkout", "operational" }));
		JsonNode back = awaitUpstream(id, (data) -> status(data, "a") == 1 && status(data, "b") == 1);
		assertThat(back.path("last_error").isNull()).isTrue();
	}

	@Test
	void followsAnotherCachetsComponentListPageByPage() {
		String elsewhere = "http://198.51.100.7/api/v1/components?page=2";
		this.upstream.answer("/api/v1/components", 200, "{\"meta\":{\"pagination\":{\"total\":3,\"count\":2,"
				+ "\"per_page\":2,\"current_page\":1,\"total_pages\":2,\"links\":{\"next_page\":\"" + elsewhere
				+ "\",\"previous_page\":null}}},\"data\":[{\"id\":1,\"name\":\"Website\",\"description\":\"\","
				+ "\"link\":\"\",\"status\":1,\"order\":0,\"group_id\":0,\"enabled\":true,\"status_name\":\"Operational\"},"
				+ "{\"id\":2,\"name\":\"Database\",\"status\":3,\"status_name\":\"Partial Outage\"}]}");
		this.upstream.answer("/api/v1/components?page=2", 200,
				"{\"meta\":{\"pagination\":{\"total\":3,\"count\":1,\"per_page\":2,\"current_page\":2,"
						+ "\"total_pages\":2}},\"data\":[{\"id\":3,\"name\":\"CDN\",\"status\":\"4\"}]}");
		long id = call("POST", "/api/v1/upstreams", Map.of("name", "Other Cachet " + UUID.randomUUID(), "url",
				this.upstream.url("/api/v1/components"), "interval", 60))
			.path("data")
			.path("id")
			.asLong();

		JsonNode followed = awaitUpstream(id, (data) -> data.path("components").size() == 3);
		assertThat(followed.path("kind").asString()).isEqualTo("cachet");
		assertThat(status(followed, "1")).isEqualTo(1);
		assertThat(status(followed, "2")).isEqualTo(3);
		assertThat(status(followed, "3")).isEqualTo(4);
		assertThat(name(followed, "3")).isEqualTo("CDN");
		assertThat(this.upstream.requests).containsOnly("/api/v1/components", "/api/v1/components?page=2");
	}

	@Test
	void hiddenComponentsAreDisabledAndLeaveThePublicPage() {
		String hiddenName = "Hidden " + UUID.randomUUID();
		this.upstream.answer("/summary.json", 200,
				UpstreamTestServer.summary(new String[] { "x", hiddenName, "operational" },
						new String[] { "y", "Visible " + UUID.randomUUID(), "operational" }));
		long id = call("POST", "/api/v1/upstreams",
				Map.of("name", "Hiding " + UUID.randomUUID(), "url", this.upstream.url("/summary.json")))
			.path("data")
			.path("id")
			.asLong();
		JsonNode followed = awaitUpstream(id, (data) -> data.path("components").size() == 2);
		long hidden = componentId(followed, "x");
		await().atMost(WAIT).until(() -> publicSummary().contains(hiddenName));

		JsonNode answer = call("PUT", "/api/v1/upstreams/" + id + "/components/" + hidden, Map.of("hidden", true));
		assertThat(answer.path("data").path("components").get(0).path("hidden").asBoolean()).isTrue();
		assertThat(this.components.getComponent(hidden).enabled()).isFalse();
		assertThat(this.components.getComponent(componentId(followed, "y")).enabled()).isTrue();
		await().atMost(WAIT).until(() -> !publicSummary().contains(hiddenName));

		call("PUT", "/api/v1/upstreams/" + id + "/components/" + hidden, Map.of("hidden", false));
		assertThat(this.components.getComponent(hidden).enabled()).isTrue();
		await().atMost(WAIT).until(() -> publicSummary().contains(hiddenName));
	}

	@Test
	void theApiValidatesNeedsATokenAndDeletesWithTheMirroredComponents() {
		assertThat(send("GET", "/api/v1/upstreams", null, null).statusCode()).isEqualTo(401);
		assertThat(
				send("POST", "/api/v1/upstreams", Map.of("name", "x", "url", "https://example.com"), null).statusCode())
			.isEqualTo(401);
		HttpResponse<String> badUrl = send("POST", "/api/v1/upstreams",
				Map.of("name", "Bad", "url", "ftp://example.com/summary.json"), this.token);
		assertThat(badUrl.statusCode()).isEqualTo(400);
		assertThat(badUrl.body()).contains("\"errors\"").contains("url");
		HttpResponse<String> tooOften = send("POST", "/api/v1/upstreams",
				Map.of("name", "Fast", "url", "https://example.com/summary.json", "interval", 0), this.token);
		assertThat(tooOften.statusCode()).isEqualTo(400);
		assertThat(tooOften.body()).contains("interval must be between 1");
		assertThat(send("POST", "/api/v1/upstreams", Map.of("url", "https://example.com/x"), this.token).body())
			.contains("name field is required");
		assertThat(send("GET", "/api/v1/upstreams/987654321", null, this.token).statusCode()).isEqualTo(404);

		this.upstream.answer("/s.json", 200,
				UpstreamTestServer.summary(new String[] { "d", "Doomed " + UUID.randomUUID(), "operational" }));
		long id = call("POST", "/api/v1/upstreams",
				Map.of("name", "Deleted " + UUID.randomUUID(), "url", this.upstream.url("/s.json")))
			.path("data")
			.path("id")
			.asLong();
		JsonNode followed = awaitUpstream(id, (data) -> data.path("components").size() == 1);
		long component = componentId(followed, "d");
		long group = followed.path("component_group_id").asLong();
		JsonNode list = call("GET", "/api/v1/upstreams?id=" + id, null);
		assertThat(list.path("meta").path("pagination").path("total").asInt()).isEqualTo(1);
		assertThat(send("PUT", "/api/v1/upstreams/" + id, Map.of("url", "https://elsewhere.example/x"), this.token)
			.statusCode()).isEqualTo(400);

		assertThat(send("DELETE", "/api/v1/upstreams/" + id, null, this.token).statusCode()).isEqualTo(204);
		assertThat(send("GET", "/api/v1/upstreams/" + id, null, this.token).statusCode()).isEqualTo(404);
		assertThat(this.components.findComponent(component)).isEmpty();
		assertThat(this.components.findGroup(group)).isEmpty();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM upstream_components WHERE upstream_id = ?")
			.param(id)
			.query(Long.class)
			.single()).isZero();
	}

	private JsonNode awaitUpstream(long id, java.util.function.Predicate<JsonNode> condition) {
		JsonNode[] last = new JsonNode[1];
		await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
			last[0] = getUpstream(id);
			return condition.test(last[0]);
		});
		return last[0];
	}

	private JsonNode getUpstream(long id) {
		return call("GET", "/api/v1/upstreams/" + id, null).path("data");
	}

	private Map<String, ComponentView> mirrored(JsonNode upstream) {
		Map<String, ComponentView> byExternal = new HashMap<>();
		for (JsonNode component : upstream.path("components").values()) {
			byExternal.put(component.path("external_id").asString(),
					this.components.getComponent(component.path("component_id").asLong()));
		}
		return byExternal;
	}

	private static JsonNode mirror(JsonNode upstream, String externalId) {
		return upstream.path("components")
			.values()
			.stream()
			.filter((component) -> component.path("external_id").asString().equals(externalId))
			.findFirst()
			.orElse(JSON.createObjectNode());
	}

	private static int status(JsonNode upstream, String externalId) {
		return mirror(upstream, externalId).path("status").asInt(-1);
	}

	private static String name(JsonNode upstream, String externalId) {
		return mirror(upstream, externalId).path("name").asString("");
	}

	private static long componentId(JsonNode upstream, String externalId) {
		return mirror(upstream, externalId).path("component_id").asLong();
	}

	private String publicSummary() {
		return send("GET", "/api/v2/summary.json", null, null).body();
	}

	private JsonNode call(String method, String path, Map<String, ?> body) {
		HttpResponse<String> response = send(method, path, body, this.token);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private HttpResponse<String> send(String method, String path, Map<String, ?> body, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))
					: HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (token != null) {
			request.header("X-Cachet-Token", token);
		}
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
