package io.cachet.api;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.cachet.TestUsers;
import io.cachet.user.UserService;

import static io.cachet.api.ComponentsApiContractTests.details;
import static io.cachet.api.ComponentsApiContractTests.fieldNames;
import static io.cachet.api.ComponentsApiContractTests.ids;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/v1/metrics} and their points over real HTTP, run on each database by the
 * subclasses.
 */
abstract class MetricsApiContractTests {

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	@LocalServerPort
	int port;

	@Autowired
	UserService userService;

	@Autowired
	JdbcClient jdbc;

	ApiTestClient api;

	Map<String, String> auth;

	@BeforeEach
	void setUp() {
		this.api = new ApiTestClient(this.port);
		this.auth = Map.of("X-Cachet-Token",
				this.userService.createUser(TestUsers.admin("metrics-" + UUID.randomUUID().toString().substring(0, 8)))
					.apiToken());
	}

	@Test
	void createsMetricWithCachetsDefaults() {
		ApiTestClient.Response response = post("/api/v1/metrics",
				"{\"name\":\"Response time\",\"suffix\":\"ms\",\"default_value\":\"0\"}");

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode data = response.json().path("data");
		assertThat(fieldNames(data)).containsExactly("id", "name", "suffix", "description", "default_value",
				"calc_type", "display_chart", "places", "default_view", "threshold", "order", "visible", "created_at",
				"updated_at", "default_view_name");
		assertThat(data.path("calc_type").asInt()).isZero();
		assertThat(data.path("display_chart").asBoolean()).isTrue();
		assertThat(data.path("places").asInt()).isEqualTo(2);
		assertThat(data.path("default_view").asInt()).isEqualTo(1);
		assertThat(data.path("default_view_name").asString()).isEqualTo("Last 12 Hours");
		assertThat(data.path("threshold").asInt()).isEqualTo(5);
		assertThat(data.path("visible").asInt()).isEqualTo(1);
		assertThat(data.path("default_value").isNumber()).isTrue();
	}

	@Test
	void refusesInvalidMetricsAndWritesNothing() {
		long before = this.jdbc.sql("SELECT COUNT(*) FROM metrics").query(Long.class).single();

		assertThat(details(post("/api/v1/metrics", "{}"))).containsExactly("The name field is required.",
				"The suffix field is required.", "The default value field is required.");
		assertThat(details(post("/api/v1/metrics",
				"{\"name\":\"x\",\"suffix\":\"s\",\"default_value\":\"a lot\",\"calc_type\":2,\"places\":9,\"view\":4,\"visible\":3}")))
			.containsExactly("The default value must be a number.", "The calc type must be between 0 and 1.",
					"The places must be between 0 and 4.", "The view must be between 0 and 3.",
					"The visible must be between 0 and 2.");
		assertThat(details(
				post("/api/v1/metrics", "{\"name\":\"x\",\"suffix\":\"s\",\"default_value\":0,\"threshold\":7}")))
			.containsExactly("The threshold must divide 60.");

		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM metrics").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void updatesOnlyGivenFieldsAcceptingTheViewAlias() {
		long id = createMetric("Uptime", 5);

		JsonNode data = put("/api/v1/metrics/" + id, "{\"view\":3,\"calc_type\":\"1\"}").json().path("data");

		assertThat(data.path("default_view").asInt()).isEqualTo(3);
		assertThat(data.path("default_view_name").asString()).isEqualTo("Month");
		assertThat(data.path("calc_type").asInt()).isEqualTo(1);
		assertThat(data.path("name").asString()).isEqualTo("Uptime");
	}

	@Test
	void roundsPointsTo30SecondsAndMergesEqualValuesWithinTheThreshold() {
		long id = createMetric("Errors", 5);
		long base = LocalDateTime.of(2026, 11, 20, 10, 0, 0).toEpochSecond(ZoneOffset.UTC);

		JsonNode first = post("/api/v1/metrics/" + id + "/points", "{\"value\":3,\"timestamp\":" + (base + 14) + "}")
			.json()
			.path("data");
		JsonNode merged = post("/api/v1/metrics/" + id + "/points",
				"{\"value\":\"3\",\"timestamp\":" + (base + 120) + "}")
			.json()
			.path("data");
		JsonNode otherValue = post("/api/v1/metrics/" + id + "/points",
				"{\"value\":4.5,\"timestamp\":" + (base + 120) + "}")
			.json()
			.path("data");
		JsonNode later = post("/api/v1/metrics/" + id + "/points", "{\"value\":3,\"timestamp\":" + (base + 600) + "}")
			.json()
			.path("data");

		assertThat(fieldNames(first)).containsExactly("id", "metric_id", "value", "counter", "created_at", "updated_at",
				"calculated_value");
		assertThat(first.path("created_at").asString()).isEqualTo("2026-11-20 10:00:00");
		assertThat(merged.path("id").asLong()).isEqualTo(first.path("id").asLong());
		assertThat(merged.path("counter").asInt()).isEqualTo(2);
		assertThat(merged.path("calculated_value").asDouble()).isEqualTo(6.0);
		assertThat(otherValue.path("id").asLong()).isNotEqualTo(first.path("id").asLong());
		assertThat(otherValue.path("value").asDouble()).isEqualTo(4.5);
		assertThat(later.path("id").asLong()).isNotEqualTo(first.path("id").asLong());
		assertThat(later.path("counter").asInt()).isEqualTo(1);

		JsonNode points = this.api.get("/api/v1/metrics/" + id + "/points").json();
		assertThat(ids(points)).containsExactly(later.path("id").asLong(), otherValue.path("id").asLong(),
				first.path("id").asLong());
		assertThat(points.path("meta").path("pagination").path("total").asInt()).isEqualTo(3);
	}

	@Test
	void recordsPointsNowWithoutATimestamp() {
		long id = createMetric("Signups", 1);
		Instant before = Instant.now().minusSeconds(30);

		JsonNode point = post("/api/v1/metrics/" + id + "/points", "{\"value\":1}").json().path("data");

		Instant created = LocalDateTime.parse(point.path("created_at").asString(), FORMAT).toInstant(ZoneOffset.UTC);
		assertThat(created).isBetween(before, Instant.now().plusSeconds(30));
		assertThat(created.getEpochSecond() % 30).isZero();
	}

	@Test
	void editsAndDeletesPointsAndMetrics() {
		long id = createMetric("Queue depth", 5);
		long other = createMetric("Other", 5);
		long point = post("/api/v1/metrics/" + id + "/points", "{\"value\":10}").json()
			.path("data")
			.path("id")
			.asLong();

		assertThat(put("/api/v1/metrics/" + id + "/points/" + point, "{\"value\":12.25}").json()
			.path("data")
			.path("value")
			.asDouble()).isEqualTo(12.25);
		assertThat(this.api.get("/api/v1/metrics/" + other + "/points/" + point).status()).isEqualTo(404);
		assertThat(this.api.send("DELETE", "/api/v1/metrics/" + id + "/points/" + point, null, this.auth).status())
			.isEqualTo(204);
		assertThat(this.api.get("/api/v1/metrics/" + id + "/points/" + point).status()).isEqualTo(404);
		assertThat(this.api.get("/api/v1/metrics/" + id + "/points")
			.json()
			.path("meta")
			.path("pagination")
			.path("total")
			.asInt()).isZero();

		post("/api/v1/metrics/" + id + "/points", "{\"value\":1}");
		assertThat(this.api.send("DELETE", "/api/v1/metrics/" + id, null, this.auth).status()).isEqualTo(204);
		assertThat(this.api.get("/api/v1/metrics/" + id).status()).isEqualTo(404);
		assertThat(this.api.get("/api/v1/metrics/" + id + "/points").status()).isEqualTo(404);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM metric_points WHERE metric_id = ?")
			.param(id)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void refusesInvalidPoints() {
		long id = createMetric("Load", 5);

		assertThat(details(post("/api/v1/metrics/" + id + "/points", "{}")))
			.containsExactly("The value field is required.");
		assertThat(details(post("/api/v1/metrics/" + id + "/points", "{\"value\":\"high\",\"timestamp\":\"soon\"}")))
			.containsExactly("The value must be a number.", "The timestamp must be a number.");
		assertThat(post("/api/v1/metrics/424242/points", "{\"value\":1}").status()).isEqualTo(404);
	}

	@Test
	void listsMetricsWithFiltersSortingAndPaging() {
		String prefix = "m-" + UUID.randomUUID().toString().substring(0, 6);
		long a = createMetric(prefix + "-a", 5);
		long b = createMetric(prefix + "-b", 5);

		assertThat(ids(this.api.get("/api/v1/metrics?name=" + prefix + "-b").json())).containsExactly(b);
		JsonNode sorted = this.api.get("/api/v1/metrics?sort=id&order=desc&per_page=1").json();
		assertThat(sorted.path("data").get(0).path("id").asLong()).isGreaterThanOrEqualTo(Math.max(a, b));
		assertThat(sorted.path("meta").path("pagination").path("per_page").asInt()).isEqualTo(1);
	}

	@Test
	void writesNeedAValidToken() {
		long id = createMetric("Guarded", 5);

		assertThat(this.api
			.send("POST", "/api/v1/metrics", "{\"name\":\"x\",\"suffix\":\"s\",\"default_value\":0}", Map.of())
			.status()).isEqualTo(401);
		assertThat(this.api.send("POST", "/api/v1/metrics/" + id + "/points", "{\"value\":1}", Map.of()).status())
			.isEqualTo(401);
		assertThat(this.api.send("DELETE", "/api/v1/metrics/" + id, null, Map.of("X-Cachet-Token", "nope")).status())
			.isEqualTo(401);
	}

	private long createMetric(String name, int threshold) {
		ApiTestClient.Response response = post("/api/v1/metrics",
				"{\"name\":\"" + name + "\",\"suffix\":\"ms\",\"default_value\":0,\"threshold\":" + threshold + "}");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json().path("data").path("id").asLong();
	}

	private ApiTestClient.Response post(String path, String body) {
		return this.api.send("POST", path, body, this.auth);
	}

	private ApiTestClient.Response put(String path, String body) {
		return this.api.send("PUT", path, body, this.auth);
	}

}
