package io.cachet.incident;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.cachet.CachetIntegrationTest;
import io.cachet.TestUsers;
import io.cachet.api.ApiTestClient;
import io.cachet.dashboard.FormClient;
import io.cachet.incident.internal.TemplateRenderer;
import io.cachet.user.CreatedUser;
import io.cachet.user.UserService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.willAnswer;

/**
 * Hostile incident templates over real HTTP, through the API and the dashboard: each is
 * refused with a 400 (or a form error) naming the problem, within two seconds, and writes
 * nothing; and no template is checked or rendered while the request holds a transaction
 * or a database connection.
 */
@CachetIntegrationTest
class TemplateLimitsIntegrationTests {

	private static final String RECURSIVE_MACRO = "{% macro boom(n) %}{{ boom(n) }}{% endmacro %}{{ boom(1) }}";

	private static final String DEEP_BRACKETS = "{{ " + "(".repeat(5000) + "1" + ")".repeat(5000) + " }}";

	private static final String NESTED_LOOPS = "{% for a in xs %}{% for b in xs %}{% for c in xs %}{% for d in xs %}"
			+ "{% endfor %}{% endfor %}{% endfor %}{% endfor %}";

	private static final String LITERAL_LOOPS = "{% for a in " + hundred() + " %}{% for b in " + hundred()
			+ " %}{% for c in " + hundred() + " %}.{% endfor %}{% endfor %}{% endfor %}";

	@LocalServerPort
	int port;

	@Autowired
	UserService users;

	@Autowired
	JdbcClient jdbc;

	@MockitoSpyBean
	TemplateRenderer renderer;

	ApiTestClient api;

	Map<String, String> auth;

	String username;

	List<String> connectionsSeenDuringRenders = new ArrayList<>();

	@BeforeEach
	void setUp() {
		this.api = new ApiTestClient(this.port);
		this.username = "templates-" + UUID.randomUUID().toString().substring(0, 8);
		CreatedUser user = this.users.createUser(TestUsers.admin(this.username));
		this.auth = Map.of("X-Cachet-Token", user.apiToken());
		willAnswer((call) -> {
			recordHeldConnection("render");
			return call.callRealMethod();
		}).given(this.renderer).render(anyString(), anyMap());
		willAnswer((call) -> {
			recordHeldConnection("check");
			return call.callRealMethod();
		}).given(this.renderer).check(anyString());
		// The first requests of a fresh context are slow (class loading, JIT) whatever
		// they
		// do; the two-second bound is about the templates, so warm the paths up first.
		post("/api/v1/incidents/templates", template("Warm-up", "{{ unclosed"));
		post("/api/v1/incidents", "{\"name\":\"x\",\"status\":1,\"template\":\"no-such-template\"}");
	}

	@Test
	void theApiRefusesTemplatesThatCannotBeBoundedAtSave() {
		long before = count("incident_templates");

		assertRefused(() -> post("/api/v1/incidents/templates", template("Boom", RECURSIVE_MACRO)), "macro");
		assertRefused(() -> post("/api/v1/incidents/templates", template("Deep", DEEP_BRACKETS)),
				"brackets too deeply");
		long id = post("/api/v1/incidents/templates", template("Fine", "{{ name }}")).json()
			.path("data")
			.path("id")
			.asLong();
		assertRefused(() -> put("/api/v1/incidents/templates/" + id, "{\"template\":\"" + RECURSIVE_MACRO + "\"}"),
				"macro");

		assertThat(count("incident_templates")).isEqualTo(before + 1);
		assertThat(this.jdbc.sql("SELECT template FROM incident_templates WHERE id = ?")
			.param(id)
			.query(String.class)
			.single()).isEqualTo("{{ name }}");
		assertThat(this.connectionsSeenDuringRenders).isEmpty();
	}

	@Test
	void theApiRefusesAnIncidentWhoseTemplateRunsAwayAndWritesNothing() {
		String loops = slugOf(post("/api/v1/incidents/templates", template("Loops", NESTED_LOOPS)));
		String big = slugOf(post("/api/v1/incidents/templates",
				template("Big", "{% for a in xs %}{% for b in xs %}{{ text }}{% endfor %}{% endfor %}")));
		long existing = post("/api/v1/incidents", "{\"name\":\"Existing\",\"status\":1,\"message\":\"m\"}").json()
			.path("data")
			.path("id")
			.asLong();
		long before = count("incidents");
		String xs = "[" + "1,".repeat(99) + "1]";

		assertRefused(
				() -> post("/api/v1/incidents",
						"{\"name\":\"x\",\"status\":1,\"template\":\"" + loops + "\",\"vars\":{\"xs\":" + xs + "}}"),
				"loops run too often");
		assertRefused(
				() -> post("/api/v1/incidents", "{\"name\":\"x\",\"status\":1,\"template\":\"" + big
						+ "\",\"vars\":{\"xs\":[1,2,3,4,5,6,7,8,9,10],\"text\":\"" + "y".repeat(2_000) + "\"}}"),
				"writes too much");
		assertRefused(
				() -> put("/api/v1/incidents/" + existing,
						"{\"name\":\"Changed\",\"template\":\"" + loops + "\",\"vars\":{\"xs\":" + xs + "}}"),
				"loops run too often");

		assertThat(count("incidents")).isEqualTo(before);
		assertThat(this.api.get("/api/v1/incidents/" + existing).json().path("data").path("name").asString())
			.isEqualTo("Existing");
	}

	@Test
	void templatesThatWorkStillRenderAndHoldNoConnectionMeanwhile() {
		String slug = slugOf(post("/api/v1/incidents/templates", template("Regions",
				"{{ incident.name }}: {% for r in regions %}{{ r | upper }}{% if not loop.last %}, {% endif %}{% endfor %}")));

		JsonNode created = post("/api/v1/incidents", "{\"name\":\"Outage\",\"status\":1,\"template\":\"" + slug
				+ "\",\"vars\":{\"regions\":[\"eu\",\"us\"]}}")
			.json()
			.path("data");
		JsonNode updated = put("/api/v1/incidents/" + created.path("id").asLong(),
				"{\"name\":\"Still out\",\"template\":\"" + slug + "\",\"vars\":{\"regions\":[\"ap\"]}}")
			.json()
			.path("data");

		assertThat(created.path("message").asString()).isEqualTo("Outage: EU, US");
		assertThat(updated.path("message").asString()).isEqualTo("Still out: AP");
		assertThat(this.connectionsSeenDuringRenders).isEmpty();
	}

	@Test
	void theDashboardShowsTheProblemAsAFormErrorAndKeepsTheInput() {
		FormClient browser = new FormClient(this.port);
		browser.logIn(this.username, "correct horse battery");
		long templatesBefore = count("incident_templates");

		browser.get("/dashboard/templates/create");
		Map<String, String> form = new HashMap<>(
				Map.of("name", "Dashboard boom", "slug", "", "template", RECURSIVE_MACRO, "action", "save"));
		String saved = refusedPage(() -> browser.post("/dashboard/templates", form));
		assertThat(saved).contains("field-error").contains("macro").contains("Dashboard boom").contains("boom(n)");
		form.put("template", DEEP_BRACKETS);
		form.put("action", "preview");
		assertThat(refusedPage(() -> browser.post("/dashboard/templates", form))).contains("field-error")
			.contains("brackets too deeply");
		assertThat(count("incident_templates")).isEqualTo(templatesBefore);

		String slug = slugOf(post("/api/v1/incidents/templates", template("Literal loops", LITERAL_LOOPS)));
		long incidentsBefore = count("incidents");
		browser.get("/dashboard/incidents/create");
		String page = refusedPage(() -> browser.post("/dashboard/incidents", Map.of("name", "Kept name", "status", "1",
				"message", "", "template", slug, "variables", "a=b", "occurredAt", "")));
		assertThat(page).contains("notice error").contains("loops run too often").contains("Kept name");
		assertThat(count("incidents")).isEqualTo(incidentsBefore);
		assertThat(this.connectionsSeenDuringRenders).isEmpty();
	}

	private void recordHeldConnection(String what) {
		boolean connectionBound = TransactionSynchronizationManager.getResourceMap()
			.values()
			.stream()
			.anyMatch(ConnectionHolder.class::isInstance);
		if (TransactionSynchronizationManager.isActualTransactionActive() || connectionBound) {
			this.connectionsSeenDuringRenders.add(what + " inside a transaction or with a connection bound");
		}
	}

	private void assertRefused(Supplier<ApiTestClient.Response> request, String problem) {
		long start = System.nanoTime();
		ApiTestClient.Response response = request.get();
		Duration took = Duration.ofNanos(System.nanoTime() - start);

		assertThat(response.status()).as(response.body()).isEqualTo(400);
		JsonNode error = response.json().path("errors").get(0);
		assertThat(error.path("status").asInt()).isEqualTo(400);
		assertThat(error.path("meta").path("details").get(0).asString()).contains(problem);
		assertThat(took).isLessThan(Duration.ofSeconds(2));
	}

	private static String refusedPage(Supplier<HttpResponse<String>> request) {
		long start = System.nanoTime();
		HttpResponse<String> response = request.get();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body().replace("&#39;", "'").replace("&quot;", "\"");
	}

	private static String template(String name, String text) {
		return "{\"name\":\"" + name + " " + UUID.randomUUID().toString().substring(0, 6) + "\",\"template\":\""
				+ text.replace("\"", "\\\"") + "\"}";
	}

	private static String slugOf(ApiTestClient.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json().path("data").path("slug").asString();
	}

	private static String hundred() {
		return "[" + "0,".repeat(99) + "0]";
	}

	private long count(String table) {
		return this.jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE deleted_at IS NULL").query(Long.class).single();
	}

	private ApiTestClient.Response post(String path, String body) {
		return this.api.send("POST", path, body, this.auth);
	}

	private ApiTestClient.Response put(String path, String body) {
		return this.api.send("PUT", path, body, this.auth);
	}

}
