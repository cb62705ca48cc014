package io.cachet.api;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
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
import io.cachet.component.ComponentStatus;
import io.cachet.component.ComponentUptimeService;
import io.cachet.settings.SettingsService;
import io.cachet.user.UserService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code /api/v1/components} and {@code /api/v1/components/groups} over real HTTP, run on
 * each database by the subclasses.
 */
abstract class ComponentsApiContractTests {

	@LocalServerPort
	int port;

	@Autowired
	UserService userService;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ComponentUptimeService uptime;

	@Autowired
	SettingsService settings;

	ApiTestClient api;

	Map<String, String> auth;

	String username;

	@BeforeEach
	void setUp() {
		this.api = new ApiTestClient(this.port);
		this.username = "components-" + UUID.randomUUID().toString().substring(0, 8);
		this.auth = Map.of("X-Cachet-Token", this.userService.createUser(TestUsers.admin(this.username)).apiToken());
	}

	@Test
	void createsComponentInCachetsShape() {
		ApiTestClient.Response response = post("/api/v1/components",
				"{\"name\":\"API\",\"status\":1,\"description\":\"The API\",\"link\":\"https://example.com\","
						+ "\"order\":3,\"tags\":\"Core, Public API\",\"meta\":{\"owner\":\"team-a\"}}");

		assertThat(response.status()).isEqualTo(200);
		JsonNode data = response.json().path("data");
		assertThat(fieldNames(data)).containsExactly("id", "name", "description", "link", "status", "order", "group_id",
				"enabled", "meta", "created_at", "updated_at", "deleted_at", "status_name", "tags");
		assertThat(data.path("name").asString()).isEqualTo("API");
		assertThat(data.path("status").asInt()).isEqualTo(1);
		assertThat(data.path("status_name").asString()).isEqualTo("Operational");
		assertThat(data.path("order").asInt()).isEqualTo(3);
		assertThat(data.path("group_id").asInt()).isZero();
		assertThat(data.path("enabled").asBoolean()).isTrue();
		assertThat(data.path("meta").path("owner").asString()).isEqualTo("team-a");
		assertThat(data.path("tags").path("core").asString()).isEqualTo("Core");
		assertThat(data.path("tags").path("public-api").asString()).isEqualTo("Public API");
		assertThat(data.path("created_at").asString()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
		assertThat(data.path("deleted_at").isNull()).isTrue();
	}

	@Test
	void emptyTagsAreAnEmptyArrayAsInCachet() {
		JsonNode data = post("/api/v1/components", "{\"name\":\"Web\",\"status\":1}").json().path("data");

		assertThat(data.path("tags").isArray()).isTrue();
		assertThat(data.path("tags").size()).isZero();
		assertThat(data.path("description").asString()).isEmpty();
		assertThat(data.path("link").asString()).isEmpty();
	}

	@Test
	void acceptsNumbersAsStringsAndBooleansAsDigitsAndFormBodies() {
		JsonNode json = post("/api/v1/components", "{\"name\":\"CDN\",\"status\":\"2\",\"enabled\":0,\"order\":\"7\"}")
			.json()
			.path("data");
		assertThat(json.path("status").asInt()).isEqualTo(2);
		assertThat(json.path("enabled").asBoolean()).isFalse();
		assertThat(json.path("order").asInt()).isEqualTo(7);

		ApiTestClient.Response form = this.api.send("POST", "/api/v1/components", null,
				with(this.auth, "Content-Type", "application/x-www-form-urlencoded"));
		assertThat(form.status()).isEqualTo(400);
		ApiTestClient.Response formCreated = this.api.sendRaw("POST", "/api/v1/components",
				"name=Mail&status=3&enabled=1&meta[region]=eu", "application/x-www-form-urlencoded", this.auth);
		assertThat(formCreated.status()).isEqualTo(200);
		assertThat(formCreated.json().path("data").path("status").asInt()).isEqualTo(3);
		assertThat(formCreated.json().path("data").path("meta").path("region").asString()).isEqualTo("eu");
	}

	@Test
	void refusesInvalidComponentsWithCachetsMessagesAndWritesNothing() {
		long before = countComponents();

		ApiTestClient.Response missing = post("/api/v1/components", "{}");
		ApiTestClient.Response invalid = post("/api/v1/components",
				"{\"name\":\"X\",\"status\":9,\"link\":\"not a url\",\"order\":\"first\",\"enabled\":\"maybe\",\"meta\":\"x\"}");

		assertThat(missing.status()).isEqualTo(400);
		assertThat(details(missing)).containsExactly("The name field is required.", "The status field is required.");
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(details(invalid)).containsExactly("The status must be between 0 and 4.",
				"The link format is invalid.", "The order must be an integer.",
				"The enabled field must be true or false.", "The meta must be an array.");
		assertThat(countComponents()).isEqualTo(before);
	}

	@Test
	void getsUpdatesAndDeletesAComponent() {
		long id = createComponent("Search", 1);

		assertThat(this.api.get("/api/v1/components/" + id).json().path("data").path("name").asString())
			.isEqualTo("Search");

		ApiTestClient.Response updated = put("/api/v1/components/" + id, "{\"status\":4}");
		assertThat(updated.status()).isEqualTo(200);
		JsonNode data = updated.json().path("data");
		assertThat(data.path("status").asInt()).isEqualTo(4);
		assertThat(data.path("status_name").asString()).isEqualTo("Major Outage");
		assertThat(data.path("name").asString()).isEqualTo("Search");

		ApiTestClient.Response deleted = this.api.send("DELETE", "/api/v1/components/" + id, null, this.auth);
		assertThat(deleted.status()).isEqualTo(204);
		assertThat(deleted.body()).isEmpty();
		assertThat(this.api.get("/api/v1/components/" + id).status()).isEqualTo(404);
		assertThat(this.api.send("DELETE", "/api/v1/components/" + id, null, this.auth).status()).isEqualTo(404);
	}

	@Test
	void recordsEveryWriteInTheAuditLogWithItsUser() {
		long id = createComponent("Audited", 1);
		put("/api/v1/components/" + id, "{\"status\":3,\"silent\":true}");

		List<String> actions = this.jdbc.sql(
				"SELECT action FROM actions WHERE subject_type = 'component' AND subject_id = ? AND username = ? ORDER BY id")
			.params(id, this.username)
			.query(String.class)
			.list();

		assertThat(actions).containsExactly("component.created", "component.updated", "component.status_changed");
	}

	@Test
	void unknownOrMalformedIdsAreNotFound() {
		assertThat(this.api.get("/api/v1/components/999999").status()).isEqualTo(404);
		assertThat(this.api.get("/api/v1/components/abc").status()).isEqualTo(404);
		assertThat(this.api.get("/api/v1/components/99999999999999999999999").status()).isEqualTo(404);
		assertThat(put("/api/v1/components/999999", "{\"status\":1}").status()).isEqualTo(404);
	}

	@Test
	void writesNeedAValidToken() {
		long id = createComponent("Guarded", 1);
		Map<String, String> wrong = Map.of("X-Cachet-Token", "wrong-token-0123456789");

		assertThat(this.api.send("POST", "/api/v1/components", "{\"name\":\"x\",\"status\":1}", Map.of()).status())
			.isEqualTo(401);
		assertThat(this.api.send("PUT", "/api/v1/components/" + id, "{\"status\":2}", wrong).status()).isEqualTo(401);
		assertThat(this.api.send("DELETE", "/api/v1/components/" + id, null, Map.of()).status()).isEqualTo(401);
		assertThat(this.api.send("POST", "/api/v1/components/groups", "{\"name\":\"g\"}", wrong).status())
			.isEqualTo(401);
		assertThat(this.api.get("/api/v1/components/" + id).json().path("data").path("status").asInt()).isEqualTo(1);
	}

	@Test
	void listsWithPaginationFiltersAndSorting() {
		String prefix = "list-" + UUID.randomUUID().toString().substring(0, 6) + "-";
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			ids.add(createComponent(prefix + i, (i % 2 == 0) ? 1 : 3));
		}

		JsonNode byName = this.api.get("/api/v1/components?name=" + prefix + "2").json();
		assertThat(byName.path("data").size()).isEqualTo(1);
		assertThat(byName.path("data").get(0).path("id").asLong()).isEqualTo(ids.get(2));

		JsonNode page = this.api.get("/api/v1/components?per_page=2&page=2&sort=id&order=desc").json();
		JsonNode pagination = page.path("meta").path("pagination");
		assertThat(pagination.path("per_page").asInt()).isEqualTo(2);
		assertThat(pagination.path("current_page").asInt()).isEqualTo(2);
		assertThat(pagination.path("count").asInt()).isEqualTo(2);
		assertThat(pagination.path("total").asLong()).isGreaterThanOrEqualTo(5);
		assertThat(pagination.path("links").path("next_page").asString()).contains("page=3")
			.contains("sort=id")
			.contains("per_page=2");
		assertThat(pagination.path("links").path("previous_page").asString()).contains("page=1");
		assertThat(page.path("data").get(0).path("id").asLong())
			.isGreaterThan(page.path("data").get(1).path("id").asLong());

		JsonNode ascending = this.api.get("/api/v1/components?sort=id&order=asc&per_page=1000").json().path("data");
		for (int i = 1; i < ascending.size(); i++) {
			assertThat(ascending.get(i).path("id").asLong()).isGreaterThan(ascending.get(i - 1).path("id").asLong());
		}

		JsonNode status = this.api.get("/api/v1/components?status=3&per_page=1000").json().path("data");
		assertThat(status).allMatch((component) -> component.path("status").asInt() == 3);
		assertThat(this.api.get("/api/v1/components?status=abc").json().path("data").size()).isZero();
		assertThat(this.api.get("/api/v1/components?per_page=-1&page=zero").status()).isEqualTo(200);
	}

	@Test
	void filtersByTags() {
		String tag = "tag" + UUID.randomUUID().toString().substring(0, 6);
		long tagged = createComponent("Tagged", 1, "\"tags\":\"" + tag + ", other\"");
		createComponent("Untagged", 1);

		JsonNode data = this.api.get("/api/v1/components?tags[]=" + tag).json().path("data");

		assertThat(data.size()).isEqualTo(1);
		assertThat(data.get(0).path("id").asLong()).isEqualTo(tagged);
	}

	@Test
	void guestsSeeNeitherDisabledComponentsNorThoseInHiddenGroups() {
		long hiddenGroup = post("/api/v1/components/groups", "{\"name\":\"Internal\"}").json()
			.path("data")
			.path("id")
			.asLong();
		long inHiddenGroup = createComponent("Internal DB", 1, "\"group_id\":" + hiddenGroup);
		long disabled = createComponent("Retired", 1, "\"enabled\":false");
		long visible = createComponent("Public site", 1);

		List<Long> guest = ids(this.api.get("/api/v1/components?per_page=1000").json());
		List<Long> member = ids(this.api.get("/api/v1/components?per_page=1000", this.auth).json());

		assertThat(guest).contains(visible).doesNotContain(inHiddenGroup, disabled);
		assertThat(member).contains(visible, inHiddenGroup, disabled);
	}

	@Test
	void acceptsAGroupIdWhoseGroupDoesNotExistYet() {
		JsonNode data = post("/api/v1/components", "{\"name\":\"Early\",\"status\":1,\"group_id\":424242}").json()
			.path("data");

		assertThat(data.path("group_id").asLong()).isEqualTo(424242);
	}

	@Test
	void managesGroupsWithTheirComponents() {
		ApiTestClient.Response created = post("/api/v1/components/groups",
				"{\"name\":\"Platform\",\"order\":2,\"collapsed\":2,\"visible\":true}");
		assertThat(created.status()).isEqualTo(200);
		JsonNode group = created.json().path("data");
		assertThat(fieldNames(group)).containsExactly("id", "name", "order", "collapsed", "visible", "created_at",
				"updated_at", "enabled_components", "enabled_components_lowest", "lowest_human_status");
		assertThat(group.path("visible").asInt()).isEqualTo(1);
		assertThat(group.path("collapsed").asInt()).isEqualTo(2);
		assertThat(group.path("lowest_human_status").isNull()).isTrue();
		long groupId = group.path("id").asLong();

		long api = createComponent("API", 1, "\"group_id\":" + groupId + ",\"order\":1");
		long web = createComponent("Web", 3, "\"group_id\":" + groupId + ",\"order\":2");

		JsonNode read = this.api.get("/api/v1/components/groups/" + groupId).json().path("data");
		assertThat(ids(read.path("enabled_components"))).containsExactly(api, web);
		assertThat(ids(read.path("enabled_components_lowest"))).containsExactly(web, api);
		assertThat(read.path("lowest_human_status").asString()).isEqualTo("Partial Outage");

		ApiTestClient.Response updated = put("/api/v1/components/groups/" + groupId, "{\"name\":\"Core platform\"}");
		assertThat(updated.json().path("data").path("name").asString()).isEqualTo("Core platform");
		assertThat(updated.json().path("data").path("order").asInt()).isEqualTo(2);

		assertThat(this.api.send("DELETE", "/api/v1/components/groups/" + groupId, null, this.auth).status())
			.isEqualTo(204);
		assertThat(this.api.get("/api/v1/components/groups/" + groupId).status()).isEqualTo(404);
		assertThat(this.api.get("/api/v1/components/" + api).json().path("data").path("group_id").asLong()).isZero();
	}

	@Test
	void guestsSeeOnlyPublicGroups() {
		long hidden = post("/api/v1/components/groups", "{\"name\":\"Hidden\"}").json()
			.path("data")
			.path("id")
			.asLong();
		long shown = post("/api/v1/components/groups", "{\"name\":\"Shown\",\"visible\":1}").json()
			.path("data")
			.path("id")
			.asLong();

		assertThat(ids(this.api.get("/api/v1/components/groups?per_page=1000").json())).contains(shown)
			.doesNotContain(hidden);
		assertThat(ids(this.api.get("/api/v1/components/groups?per_page=1000", this.auth).json())).contains(shown,
				hidden);
		assertThat(this.api.get("/api/v1/components/groups/" + hidden).status()).isEqualTo(404);
		assertThat(this.api.get("/api/v1/components/groups/" + hidden, this.auth).status()).isEqualTo(200);
	}

	@Test
	void refusesInvalidGroups() {
		ApiTestClient.Response response = post("/api/v1/components/groups", "{\"collapsed\":7,\"visible\":3}");

		assertThat(response.status()).isEqualTo(400);
		assertThat(details(response)).containsExactly("The name field is required.",
				"The collapsed must be between 0 and 4.", "The visible must be between 0 and 1.");
	}

	@Test
	void reportsDailyUptimeOfAComponentOldestFirst() {
		long id = createComponent("Uptime", 1);
		ZoneId zone = this.settings.site().timezone();
		LocalDate today = LocalDate.now(zone);
		Instant yesterday = today.minusDays(1).atStartOfDay(zone).toInstant();
		this.uptime.recordHistoricalStatus(id, ComponentStatus.OPERATIONAL, yesterday.minus(Duration.ofDays(2)));
		this.uptime.recordHistoricalStatus(id, ComponentStatus.MAJOR_OUTAGE, yesterday.plus(Duration.ofHours(3)));
		this.uptime.recordHistoricalStatus(id, ComponentStatus.PARTIAL_OUTAGE, yesterday.plus(Duration.ofHours(9)));
		this.uptime.recordHistoricalStatus(id, ComponentStatus.OPERATIONAL, yesterday.plus(Duration.ofHours(13)));

		ApiTestClient.Response response = this.api.get("/api/v1/components/" + id + "/uptime");

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode data = response.json().path("data");
		assertThat(fieldNames(data)).containsExactly("component_id", "days", "uptime", "timezone", "history");
		assertThat(data.path("component_id").asLong()).isEqualTo(id);
		assertThat(data.path("days").asInt()).isEqualTo(90);
		assertThat(data.path("timezone").asString()).isNotEmpty();
		JsonNode history = data.path("history");
		assertThat(history.size()).isEqualTo(90);
		assertThat(history.get(0).path("date").asString()).isEqualTo(today.minusDays(89).toString());
		assertThat(history.get(0).path("uptime").isNull()).isTrue();
		assertThat(history.get(0).path("worst_status").asInt()).isZero();
		JsonNode day = history.get(88);
		assertThat(fieldNames(day)).containsExactly("date", "uptime", "worst_status", "worst_status_name",
				"major_outage_seconds", "partial_outage_seconds", "degraded_seconds");
		assertThat(day.path("date").asString()).isEqualTo(today.minusDays(1).toString());
		long length = Duration.between(yesterday, today.atStartOfDay(zone).toInstant()).toSeconds();
		double expected = 100 * (1 - (6 * 3600 + 0.3 * 4 * 3600) / length);
		assertThat(day.path("uptime").asDouble()).isCloseTo(expected, within(0.0005));
		assertThat(day.path("worst_status").asInt()).isEqualTo(4);
		assertThat(day.path("worst_status_name").asString()).isEqualTo("Major Outage");
		assertThat(day.path("major_outage_seconds").asLong()).isEqualTo(6 * 3600);
		assertThat(day.path("partial_outage_seconds").asLong()).isEqualTo(4 * 3600);
		assertThat(history.get(87).path("uptime").asDouble()).isEqualTo(100.0);
		assertThat(history.get(89).path("date").asString()).isEqualTo(today.toString());
		assertThat(data.path("uptime").asDouble()).isLessThan(100.0).isGreaterThan(expected);

		JsonNode week = this.api.get("/api/v1/components/" + id + "/uptime?days=7").json().path("data");
		assertThat(week.path("days").asInt()).isEqualTo(7);
		assertThat(week.path("history").size()).isEqualTo(7);
		assertThat(week.path("history").get(5).path("uptime").asDouble()).isEqualTo(day.path("uptime").asDouble());
	}

	@Test
	void refusesUptimeForOutOfRangeDaysAndUnknownComponents() {
		long id = createComponent("Uptime range", 1);

		for (String days : List.of("0", "366", "-3")) {
			ApiTestClient.Response response = this.api.get("/api/v1/components/" + id + "/uptime?days=" + days);
			assertThat(response.status()).isEqualTo(400);
			assertThat(details(response)).containsExactly("The days must be between 1 and 365.");
		}
		ApiTestClient.Response text = this.api.get("/api/v1/components/" + id + "/uptime?days=many");
		assertThat(text.status()).isEqualTo(400);
		assertThat(details(text)).containsExactly("The days must be an integer.");
		assertThat(this.api.get("/api/v1/components/" + id + "/uptime?days=365").status()).isEqualTo(200);
		ApiTestClient.Response unknown = this.api.get("/api/v1/components/987654321/uptime");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.json().path("errors").get(0).path("status").asString()).isEqualTo("404");
	}

	private long createComponent(String name, int status) {
		return createComponent(name, status, null);
	}

	private long createComponent(String name, int status, String extra) {
		String body = "{\"name\":\"" + name + "\",\"status\":" + status + ((extra != null) ? "," + extra : "") + "}";
		ApiTestClient.Response response = post("/api/v1/components", body);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json().path("data").path("id").asLong();
	}

	private ApiTestClient.Response post(String path, String body) {
		return this.api.send("POST", path, body, this.auth);
	}

	private ApiTestClient.Response put(String path, String body) {
		return this.api.send("PUT", path, body, this.auth);
	}

	private long countComponents() {
		return this.jdbc.sql("SELECT COUNT(*) FROM components").query(Long.class).single();
	}

	static List<String> details(ApiTestClient.Response response) {
		List<String> details = new ArrayList<>();
		response.json().path("errors").get(0).path("meta").path("details").forEach((d) -> details.add(d.asString()));
		return details;
	}

	static List<String> fieldNames(JsonNode node) {
		List<String> names = new ArrayList<>();
		node.propertyNames().forEach(names::add);
		return names;
	}

	static List<Long> ids(JsonNode node) {
		JsonNode items = node.has("data") ? node.path("data") : node;
		List<Long> ids = new ArrayList<>();
		items.forEach((item) -> ids.add(item.path("id").asLong()));
		return ids;
	}

	private static Map<String, String> with(Map<String, String> headers, String name, String value) {
		Map<String, String> copy = new java.util.HashMap<>(headers);
		copy.put(name, value);
		return copy;
	}

}
