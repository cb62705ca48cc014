package io.cachet.api;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.cachet.TestUsers;
import io.cachet.user.CreatedUser;
import io.cachet.user.UserService;

import static io.cachet.api.ComponentsApiContractTests.details;
import static io.cachet.api.ComponentsApiContractTests.fieldNames;
import static io.cachet.api.ComponentsApiContractTests.ids;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/v1/incidents}, its updates and templates over real HTTP, run on each
 * database by the subclasses.
 */
abstract class IncidentsApiContractTests {

	@LocalServerPort
	int port;

	@Autowired
	UserService userService;

	@Autowired
	JdbcClient jdbc;

	ApiTestClient api;

	Map<String, String> auth;

	long userId;

	@BeforeEach
	void setUp() {
		this.api = new ApiTestClient(this.port);
		CreatedUser user = this.userService
			.createUser(TestUsers.admin("incidents-" + UUID.randomUUID().toString().substring(0, 8)));
		this.userId = user.user().id();
		this.auth = Map.of("X-Cachet-Token", user.apiToken());
	}

	@Test
	void createsIncidentInCachetsShape() {
		ApiTestClient.Response response = post("/api/v1/incidents",
				"{\"name\":\"Database down\",\"status\":1,\"message\":\"We are **looking**.\","
						+ "\"occurred_at\":\"2026-11-01 10:30\",\"meta\":{\"ticket\":\"OPS-1\"}}");

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode data = response.json().path("data");
		assertThat(fieldNames(data)).containsExactly("id", "user_id", "component_id", "name", "status", "visible",
				"stickied", "notifications", "message", "occurred_at", "created_at", "updated_at", "deleted_at",
				"is_resolved", "meta", "updates", "human_status", "latest_update_id", "latest_status",
				"latest_human_status", "latest_icon", "permalink", "duration", "components");
		assertThat(data.path("user_id").asLong()).isEqualTo(this.userId);
		assertThat(data.path("component_id").asLong()).isZero();
		assertThat(data.path("visible").asBoolean()).isTrue();
		assertThat(data.path("stickied").asBoolean()).isFalse();
		assertThat(data.path("notifications").asBoolean()).isTrue();
		assertThat(data.path("occurred_at").asString()).isEqualTo("2026-11-01 10:30:00");
		assertThat(data.path("is_resolved").asBoolean()).isFalse();
		assertThat(data.path("meta").path("ticket").asString()).isEqualTo("OPS-1");
		assertThat(data.path("updates").size()).isZero();
		assertThat(data.path("human_status").asString()).isEqualTo("Investigating");
		assertThat(data.path("latest_update_id").isNull()).isTrue();
		assertThat(data.path("latest_icon").asString()).isEqualTo("icon ion-flag oranges");
		assertThat(data.path("permalink").asString())
			.isEqualTo("http://localhost:" + this.port + "/incidents/" + data.path("id").asLong());
		assertThat(data.path("duration").asLong()).isZero();
		assertThat(data.path("components").size()).isZero();
	}

	@Test
	void refusesInvalidIncidentsAndWritesNothing() {
		long before = count("incidents");

		assertThat(details(post("/api/v1/incidents", "{}"))).containsExactly("The name field is required.",
				"The status field is required.", "The message field is required.");
		assertThat(details(post("/api/v1/incidents",
				"{\"name\":\"x\",\"status\":5,\"message\":\"m\",\"component_id\":1,\"occurred_at\":\"yesterday\"}")))
			.containsExactly("The status must be between 0 and 4.",
					"The component status field is required when component id is present.",
					"The occurred at does not match the format Y-m-d H:i.");
		assertThat(post("/api/v1/incidents", "{\"name\":\"x\",\"status\":1,\"message\":\"m\",\"template\":\"nope\"}")
			.status()).isEqualTo(400);

		assertThat(count("incidents")).isEqualTo(before);
	}

	@Test
	void setsTheComponentStatusAsCachetDoes() {
		long component = createComponent("Payments");

		JsonNode incident = post("/api/v1/incidents",
				"{\"name\":\"Payments failing\",\"status\":2,\"message\":\"m\",\"component_id\":" + component
						+ ",\"component_status\":\"4\"}")
			.json()
			.path("data");

		assertThat(incident.path("component_id").asLong()).isEqualTo(component);
		assertThat(incident.path("components").get(0).path("id").asLong()).isEqualTo(component);
		assertThat(incident.path("components").get(0).path("status").asInt()).isEqualTo(4);
		assertThat(componentStatus(component)).isEqualTo(4);
	}

	@Test
	void affectsSeveralComponents() {
		long api = createComponent("API");
		long web = createComponent("Web");

		JsonNode incident = post("/api/v1/incidents", "{\"name\":\"Outage\",\"status\":1,\"message\":\"m\","
				+ "\"components\":[{\"id\":" + api + ",\"status\":4},{\"id\":" + web + ",\"status\":2}]}")
			.json()
			.path("data");

		assertThat(incident.path("components").size()).isEqualTo(2);
		assertThat(componentStatus(api)).isEqualTo(4);
		assertThat(componentStatus(web)).isEqualTo(2);

		JsonNode updated = put("/api/v1/incidents/" + incident.path("id").asLong(),
				"{\"components\":{\"" + api + "\":1}}")
			.json()
			.path("data");
		assertThat(componentStatus(api)).isEqualTo(1);
		assertThat(updated.path("components").size()).isEqualTo(2);
	}

	@Test
	void refusesUnknownComponentsWithoutTouchingAnything() {
		long api = createComponent("Gateway");
		long before = count("incidents");

		ApiTestClient.Response response = post("/api/v1/incidents", "{\"name\":\"x\",\"status\":1,\"message\":\"m\","
				+ "\"components\":[{\"id\":" + api + ",\"status\":4},{\"id\":987654,\"status\":4}]}");

		assertThat(response.status()).isEqualTo(400);
		assertThat(count("incidents")).isEqualTo(before);
		assertThat(componentStatus(api)).isEqualTo(1);
	}

	@Test
	void guestsSeeOnlyVisibleIncidents() {
		long hidden = createIncident("Internal maintenance glitch", "\"visible\":0");
		long shown = createIncident("Public outage", null);

		assertThat(ids(this.api.get("/api/v1/incidents?per_page=1000").json())).contains(shown).doesNotContain(hidden);
		assertThat(ids(this.api.get("/api/v1/incidents?per_page=1000", this.auth).json())).contains(shown, hidden);
		assertThat(this.api.get("/api/v1/incidents/" + hidden).status()).isEqualTo(404);
		assertThat(this.api.get("/api/v1/incidents/" + hidden, this.auth).status()).isEqualTo(200);
		assertThat(this.api.get("/api/v1/incidents/" + hidden + "/updates").status()).isEqualTo(404);
	}

	@Test
	void updatesOnlyGivenFieldsAndDeletes() {
		long id = createIncident("Slow pages", "\"stickied\":true");

		JsonNode updated = put("/api/v1/incidents/" + id, "{\"status\":\"3\"}").json().path("data");
		assertThat(updated.path("status").asInt()).isEqualTo(3);
		assertThat(updated.path("name").asString()).isEqualTo("Slow pages");
		assertThat(updated.path("stickied").asBoolean()).isTrue();

		assertThat(this.api.send("DELETE", "/api/v1/incidents/" + id, null, this.auth).status()).isEqualTo(204);
		assertThat(this.api.get("/api/v1/incidents/" + id, this.auth).status()).isEqualTo(404);
		assertThat(put("/api/v1/incidents/" + id, "{\"status\":4}").status()).isEqualTo(404);
	}

	@Test
	void listsWithFiltersSortingAndPaging() {
		String prefix = "paged-" + UUID.randomUUID().toString().substring(0, 6);
		for (int i = 0; i < 3; i++) {
			createIncident(prefix + "-" + i, "\"status\":" + (i + 1));
		}

		JsonNode filtered = this.api.get("/api/v1/incidents?name=" + prefix + "-1").json().path("data");
		assertThat(filtered.size()).isEqualTo(1);
		assertThat(filtered.get(0).path("status").asInt()).isEqualTo(2);

		JsonNode sorted = this.api.get("/api/v1/incidents?sort=occurred_at&order=desc&per_page=2").json();
		assertThat(sorted.path("data").size()).isEqualTo(2);
		assertThat(sorted.path("meta").path("pagination").path("links").path("next_page").asString())
			.contains("page=2");
		assertThat(this.api.get("/api/v1/incidents?visible=1&stickied=0&per_page=5").status()).isEqualTo(200);
	}

	@Test
	void postsUpdatesThatSetTheIncidentStatus() {
		long id = createIncident("Errors on checkout", null);

		ApiTestClient.Response identified = post("/api/v1/incidents/" + id + "/updates",
				"{\"status\":2,\"message\":\"Found it.\"}");
		assertThat(identified.status()).isEqualTo(200);
		JsonNode update = identified.json().path("data");
		assertThat(fieldNames(update)).containsExactly("id", "incident_id", "status", "message", "user_id",
				"created_at", "updated_at", "human_status", "permalink");
		assertThat(update.path("human_status").asString()).isEqualTo("Identified");
		assertThat(update.path("user_id").asLong()).isEqualTo(this.userId);
		assertThat(update.path("permalink").asString()).endsWith("/incidents/" + id + "#update-" + update.path("id"));

		long fixed = post("/api/v1/incidents/" + id + "/updates", "{\"status\":4,\"message\":\"Fixed.\"}").json()
			.path("data")
			.path("id")
			.asLong();

		JsonNode incident = this.api.get("/api/v1/incidents/" + id).json().path("data");
		assertThat(incident.path("status").asInt()).isEqualTo(4);
		assertThat(incident.path("is_resolved").asBoolean()).isTrue();
		assertThat(incident.path("latest_update_id").asLong()).isEqualTo(fixed);
		assertThat(incident.path("latest_human_status").asString()).isEqualTo("Fixed");
		assertThat(ids(incident.path("updates"))).containsExactly(fixed, update.path("id").asLong());
		assertThat(ids(this.api.get("/api/v1/incidents/" + id + "/updates").json())).containsExactly(fixed,
				update.path("id").asLong());
	}

	@Test
	void editsAndDeletesUpdates() {
		long id = createIncident("Latency", null);
		long other = createIncident("Other", null);
		long update = post("/api/v1/incidents/" + id + "/updates", "{\"status\":3,\"message\":\"Watching.\"}").json()
			.path("data")
			.path("id")
			.asLong();

		assertThat(put("/api/v1/incidents/" + id + "/updates/" + update, "{\"message\":\"Still watching.\"}").json()
			.path("data")
			.path("message")
			.asString()).isEqualTo("Still watching.");
		assertThat(this.api.get("/api/v1/incidents/" + other + "/updates/" + update).status()).isEqualTo(404);
		assertThat(details(post("/api/v1/incidents/" + id + "/updates", "{\"status\":0}")))
			.containsExactly("The status must be between 1 and 4.", "The message field is required.");
		assertThat(this.api.send("DELETE", "/api/v1/incidents/" + id + "/updates/" + update, null, this.auth).status())
			.isEqualTo(204);
		assertThat(this.api.get("/api/v1/incidents/" + id + "/updates/" + update).status()).isEqualTo(404);
	}

	@Test
	void managesTemplatesAndRendersThemWithVariables() {
		String name = "Outage " + UUID.randomUUID().toString().substring(0, 6);
		ApiTestClient.Response created = post("/api/v1/incidents/templates", "{\"name\":\"" + name
				+ "\",\"template\":\"{{ service }} is down since {{ incident.occurred_at }}. Status: {{ incident.name | upper }}\"}");
		assertThat(created.status()).as(created.body()).isEqualTo(200);
		JsonNode template = created.json().path("data");
		assertThat(fieldNames(template)).containsExactly("id", "name", "slug", "template", "created_at", "updated_at",
				"deleted_at");
		String slug = template.path("slug").asString();
		assertThat(slug).startsWith("outage-");

		JsonNode incident = post("/api/v1/incidents",
				"{\"name\":\"api\",\"status\":1,\"template\":\"" + slug
						+ "\",\"vars\":{\"service\":\"The API\"},\"occurred_at\":\"2026-11-02 08:00\"}")
			.json()
			.path("data");
		assertThat(incident.path("message").asString()).startsWith("The API is down since 2026-11-02T08:00:00Z")
			.endsWith("Status: API");

		long id = template.path("id").asLong();
		assertThat(this.api.get("/api/v1/incidents/templates/" + id).json().path("data").path("name").asString())
			.isEqualTo(name);
		assertThat(put("/api/v1/incidents/templates/" + id, "{\"template\":\"{{ unclosed\"}").status()).isEqualTo(400);
		assertThat(this.api.send("DELETE", "/api/v1/incidents/templates/" + id, null, this.auth).status())
			.isEqualTo(204);
		assertThat(this.api.get("/api/v1/incidents/templates/" + id).status()).isEqualTo(404);
	}

	@Test
	void templatesRunInASandbox() {
		String slug = post("/api/v1/incidents/templates",
				"{\"name\":\"Probe\",\"template\":\"[{{ incident.getClass() }}][{{ service.getClass().forName('java.lang.Runtime') }}]\"}")
			.json()
			.path("data")
			.path("slug")
			.asString();

		ApiTestClient.Response response = post("/api/v1/incidents",
				"{\"name\":\"x\",\"status\":1,\"template\":\"" + slug + "\",\"vars\":{\"service\":\"s\"}}");

		if (response.status() == 200) {
			assertThat(response.json().path("data").path("message").asString()).isEqualTo("[][]");
		}
		else {
			assertThat(response.status()).isEqualTo(400);
		}
		assertThat(
				details(post("/api/v1/incidents/templates", "{\"name\":\"Broken\",\"template\":\"{% if %}\"}")).get(0))
			.startsWith("The template is invalid");
	}

	@Test
	void writesNeedAValidToken() {
		long id = createIncident("Guarded", null);

		assertThat(
				this.api.send("POST", "/api/v1/incidents", "{\"name\":\"x\",\"status\":1,\"message\":\"m\"}", Map.of())
					.status())
			.isEqualTo(401);
		assertThat(this.api.send("PUT", "/api/v1/incidents/" + id, "{\"status\":4}", Map.of("X-Cachet-Token", "nope"))
			.status()).isEqualTo(401);
		assertThat(this.api
			.send("POST", "/api/v1/incidents/" + id + "/updates", "{\"status\":4,\"message\":\"m\"}", Map.of())
			.status()).isEqualTo(401);
		assertThat(this.api.send("POST", "/api/v1/incidents/templates", "{\"name\":\"t\",\"template\":\"t\"}", Map.of())
			.status()).isEqualTo(401);
		assertThat(this.api.send("DELETE", "/api/v1/incidents/" + id, null, Map.of()).status()).isEqualTo(401);
	}

	@Test
	void recordsTheAuditTrail() {
		long id = createIncident("Audited incident", null);
		post("/api/v1/incidents/" + id + "/updates", "{\"status\":4,\"message\":\"Done.\"}");

		List<String> actions = this.jdbc.sql("SELECT action FROM actions WHERE user_id = ? ORDER BY id")
			.param(this.userId)
			.query(String.class)
			.list();

		assertThat(actions).containsExactly("incident.created", "incident_update.created");
	}

	private long createIncident(String name, String extra) {
		ApiTestClient.Response response = post("/api/v1/incidents", "{\"name\":\"" + name
				+ "\",\"status\":1,\"message\":\"Looking into it.\"" + ((extra != null) ? "," + extra : "") + "}");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json().path("data").path("id").asLong();
	}

	private long createComponent(String name) {
		return post("/api/v1/components", "{\"name\":\"" + name + "\",\"status\":1}").json()
			.path("data")
			.path("id")
			.asLong();
	}

	private int componentStatus(long id) {
		return this.api.get("/api/v1/components/" + id).json().path("data").path("status").asInt();
	}

	private long count(String table) {
		return this.jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
	}

	private ApiTestClient.Response post(String path, String body) {
		return this.api.send("POST", path, body, this.auth);
	}

	private ApiTestClient.Response put(String path, String body) {
		return this.api.send("PUT", path, body, this.auth);
	}

}
