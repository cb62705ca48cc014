package io.cachet.api;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.cachet.TestUsers;
import io.cachet.schedule.ScheduleService;
import io.cachet.user.UserService;

import static io.cachet.api.ComponentsApiContractTests.details;
import static io.cachet.api.ComponentsApiContractTests.fieldNames;
import static io.cachet.api.ComponentsApiContractTests.ids;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/v1/schedules} over real HTTP, run on each database by the subclasses.
 */
abstract class SchedulesApiContractTests {

	@LocalServerPort
	int port;

	@Autowired
	UserService userService;

	@Autowired
	ScheduleService scheduleService;

	@Autowired
	JdbcClient jdbc;

	ApiTestClient api;

	Map<String, String> auth;

	@BeforeEach
	void setUp() {
		this.api = new ApiTestClient(this.port);
		this.auth = Map.of("X-Cachet-Token",
				this.userService
					.createUser(TestUsers.admin("schedules-" + UUID.randomUUID().toString().substring(0, 8)))
					.apiToken());
	}

	@Test
	void createsMaintenanceInCachetsShape() {
		ApiTestClient.Response response = post("/api/v1/schedules",
				"{\"name\":\"Database upgrade\",\"message\":\"Short downtime.\",\"status\":0,"
						+ "\"scheduled_at\":\"2030-01-10 22:00\",\"completed_at\":\"2030-01-10 23:30\","
						+ "\"components\":{\"7\":2,\"8\":3},\"notify\":true}");

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode data = response.json().path("data");
		assertThat(fieldNames(data)).containsExactly("id", "name", "message", "status", "scheduled_at", "completed_at",
				"created_at", "updated_at", "deleted_at", "components", "human_status");
		assertThat(data.path("scheduled_at").asString()).isEqualTo("2030-01-10 22:00:00");
		assertThat(data.path("completed_at").asString()).isEqualTo("2030-01-10 23:30:00");
		assertThat(data.path("human_status").asString()).isEqualTo("Upcoming");
		assertThat(data.path("components").size()).isEqualTo(2);
		JsonNode component = data.path("components").get(0);
		assertThat(fieldNames(component)).containsExactly("id", "schedule_id", "component_id", "component_status",
				"created_at", "updated_at");
		assertThat(component.path("component_id").asLong()).isEqualTo(7);
		assertThat(component.path("component_status").asInt()).isEqualTo(2);
	}

	@Test
	void acceptsFormBodiesAndTheTimeZoneHeader() {
		Map<String, String> headers = new java.util.HashMap<>(this.auth);
		headers.put("Time-Zone", "Europe/Paris");

		ApiTestClient.Response response = this.api.sendRaw("POST", "/api/v1/schedules",
				"name=Network&status=1&scheduled_at=2030-06-01+10%3A00&components%5B3%5D=2",
				"application/x-www-form-urlencoded", headers);

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		long id = response.json().path("data").path("id").asLong();
		assertThat(response.json().path("data").path("scheduled_at").asString()).isEqualTo("2030-06-01 10:00:00");
		assertThat(this.api.get("/api/v1/schedules/" + id).json().path("data").path("scheduled_at").asString())
			.isEqualTo("2030-06-01 08:00:00");
		assertThat(response.json().path("data").path("components").get(0).path("component_id").asLong()).isEqualTo(3);
	}

	@Test
	void refusesInvalidMaintenanceAndWritesNothing() {
		long before = this.jdbc.sql("SELECT COUNT(*) FROM schedules").query(Long.class).single();

		assertThat(details(post("/api/v1/schedules", "{}"))).containsExactly("The name field is required.",
				"The status field is required.", "The scheduled at field is required.");
		assertThat(details(post("/api/v1/schedules",
				"{\"name\":\"x\",\"status\":3,\"scheduled_at\":\"tomorrow\",\"components\":[\"abc\"]}")))
			.containsExactly("The status must be between 0 and 2.",
					"The scheduled at does not match the format Y-m-d H:i.",
					"Each of the components must be a component id with a status between 0 and 4.");
		assertThat(details(post("/api/v1/schedules",
				"{\"name\":\"x\",\"status\":0,\"scheduled_at\":\"2030-01-02 10:00\",\"completed_at\":\"2030-01-01 10:00\"}")))
			.containsExactly("The completed at must be a date after scheduled at.");

		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM schedules").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void updatesOnlyGivenFieldsAndDeletesSoftly() {
		long id = create("Patch day", "2030-02-01 08:00", 0, "[5]");

		JsonNode updated = put("/api/v1/schedules/" + id, "{\"status\":\"1\"}").json().path("data");
		assertThat(updated.path("status").asInt()).isEqualTo(1);
		assertThat(updated.path("human_status").asString()).isEqualTo("In Progress");
		assertThat(updated.path("name").asString()).isEqualTo("Patch day");
		assertThat(updated.path("components").get(0).path("component_id").asLong()).isEqualTo(5);

		JsonNode replaced = put("/api/v1/schedules/" + id, "{\"components\":[{\"id\":6,\"status\":4}]}").json()
			.path("data");
		assertThat(replaced.path("components").size()).isEqualTo(1);
		assertThat(replaced.path("components").get(0).path("component_status").asInt()).isEqualTo(4);

		assertThat(this.api.send("DELETE", "/api/v1/schedules/" + id, null, this.auth).status()).isEqualTo(204);
		assertThat(this.api.get("/api/v1/schedules/" + id).status()).isEqualTo(404);
		assertThat(ids(this.api.get("/api/v1/schedules?per_page=1000").json())).doesNotContain(id);
		assertThat(this.api.get("/api/v1/schedules/abc").status()).isEqualTo(404);
	}

	@Test
	void listsWithFiltersSortingAndPaging() {
		String prefix = "mw-" + UUID.randomUUID().toString().substring(0, 6);
		long early = create(prefix + "-early", "2031-01-01 00:00", 0, null);
		long late = create(prefix + "-late", "2031-06-01 00:00", 0, null);

		assertThat(ids(this.api.get("/api/v1/schedules?name=" + prefix + "-late").json())).containsExactly(late);
		JsonNode sorted = this.api.get("/api/v1/schedules?sort=scheduled_at&order=desc&per_page=1000").json();
		assertThat(ids(sorted).indexOf(late)).isLessThan(ids(sorted).indexOf(early));
	}

	@Test
	void knowsWhichComponentsAreUnderMaintenanceNow() {
		create("Running now", "2020-01-01 00:00", 1, "{\"901\":4}");
		create("Finished", "2020-01-01 00:00", 2, "{\"902\":4}");
		create("Later", "2099-01-01 00:00", 0, "{\"903\":4}");

		assertThat(this.scheduleService.findComponentsUnderMaintenance()).contains(901L).doesNotContain(902L, 903L);
		assertThat(this.scheduleService.findUncompleted()).extracting((schedule) -> schedule.name())
			.contains("Running now", "Later")
			.doesNotContain("Finished");
	}

	@Test
	void writesNeedAValidToken() {
		long id = create("Guarded", "2030-01-01 00:00", 0, null);

		assertThat(this.api
			.send("POST", "/api/v1/schedules", "{\"name\":\"x\",\"status\":0,\"scheduled_at\":\"2030-01-01 00:00\"}",
					Map.of())
			.status()).isEqualTo(401);
		assertThat(this.api.send("PUT", "/api/v1/schedules/" + id, "{\"status\":2}", Map.of("X-Cachet-Token", "no"))
			.status()).isEqualTo(401);
		assertThat(this.api.send("DELETE", "/api/v1/schedules/" + id, null, Map.of()).status()).isEqualTo(401);
	}

	private long create(String name, String scheduledAt, int status, String components) {
		ApiTestClient.Response response = post("/api/v1/schedules",
				"{\"name\":\"" + name + "\",\"status\":" + status + ",\"scheduled_at\":\"" + scheduledAt + "\""
						+ ((components != null) ? ",\"components\":" + components : "") + "}");
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
