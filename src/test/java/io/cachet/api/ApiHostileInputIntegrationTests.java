package io.cachet.api;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.cachet.CachetIntegrationTest;
import io.cachet.TestUsers;
import io.cachet.user.UserService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests real clients send that the first versions mishandled, over real HTTP: trailing
 * slashes, bodies and query strings Tomcat cannot parse, absurd nesting and malformed
 * multipart bodies. Each answers in Cachet's envelope with the right 4xx, never a 5xx.
 */
@CachetIntegrationTest
class ApiHostileInputIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	UserService userService;

	ApiTestClient api;

	Map<String, String> auth;

	@BeforeEach
	void setUp() {
		this.api = new ApiTestClient(this.port);
		this.auth = Map.of("X-Cachet-Token",
				this.userService.createUser(TestUsers.admin("hostile-" + UUID.randomUUID())).apiToken());
	}

	@Test
	void trailingSlashIsIgnoredOnEveryMethod() {
		ApiTestClient.Response created = this.api.send("POST", "/api/v1/components/",
				"{\"name\":\"Slashed\",\"status\":1}", this.auth);
		assertThat(created.status()).as(created.body()).isEqualTo(200);
		long id = created.json().path("data").path("id").asLong();

		assertThat(this.api.get("/api/v1/components/" + id + "/").json().path("data").path("name").asString())
			.isEqualTo("Slashed");
		assertThat(this.api.get("/api/v1/components/").status()).isEqualTo(200);
		assertThat(this.api.send("PUT", "/api/v1/components/" + id + "/", "{\"status\":4}", this.auth)
			.json()
			.path("data")
			.path("status")
			.asInt()).isEqualTo(4);
		assertThat(this.api
			.send("POST", "/api/v1/schedules/",
					"{\"name\":\"Upgrade\",\"status\":0,\"scheduled_at\":\"2030-01-10 22:00\"}", this.auth)
			.status()).isEqualTo(200);
		assertThat(this.api.get("/api/v1/ping/").json().path("data").asString()).isEqualTo("Pong!");
		assertThat(this.api.get("/api/v2/summary.json/").status()).isEqualTo(200);
		assertThat(this.api.send("DELETE", "/api/v1/components/" + id + "/", null, this.auth).status()).isEqualTo(204);
		assertThat(this.api.get("/api/v1/components/" + id).status()).isEqualTo(404);
	}

	@Test
	void trailingSlashDoesNotBypassAuthentication() {
		assertUnauthorized(
				this.api.send("POST", "/api/v1/components/", "{\"name\":\"Sneaky\",\"status\":1}", Map.of()));
		assertUnauthorized(this.api.get("/api/v1/subscribers/"));
		assertUnauthorized(this.api.send("DELETE", "/api/v1/components/1/", null, Map.of()));
		assertThat(this.api.get("/api/v1/components?name=Sneaky").json().path("data").size()).isZero();
	}

	static final List<String> UNPARSABLE = List.of("name=%zz", "name=x%", "&&&=",
			IntStream.range(0, 1001).mapToObj((i) -> "p" + i + "=1").collect(Collectors.joining("&")));

	@Test
	void unparsableFormBodiesAreBadRequestOnPostAndPut() {
		long id = this.api.send("POST", "/api/v1/components", "{\"name\":\"Form target\",\"status\":1}", this.auth)
			.json()
			.path("data")
			.path("id")
			.asLong();
		for (String body : UNPARSABLE) {
			for (String[] route : new String[][] { { "POST", "/api/v1/components" },
					{ "PUT", "/api/v1/components/" + id }, { "POST", "/api/v1/incidents" },
					{ "POST", "/api/v1/components/groups" }, { "PUT", "/api/v1/incidents/999" } }) {
				ApiTestClient.Response response = this.api.sendRaw(route[0], route[1], body,
						"application/x-www-form-urlencoded", this.auth);
				assertThat(response.status()).as(route[0] + " " + route[1] + " " + abbreviate(body)).isEqualTo(400);
				assertThat(assertEnvelope(response, 400).path("meta").path("details").get(0).asString())
					.contains("cannot be parsed");
			}
		}
		assertThat(this.api.get("/api/v1/components/" + id).json().path("data").path("name").asString())
			.isEqualTo("Form target");
	}

	@Test
	void oversizeFormBodiesAreContentTooLarge() {
		for (int size : new int[] { 1536 * 1024, 3 * 1024 * 1024 }) {
			ApiTestClient.Response response = this.api.sendRaw("PUT", "/api/v1/components/1",
					"name=" + "x".repeat(size), "application/x-www-form-urlencoded", this.auth);
			assertThat(response.status()).as("%d bytes", size).isEqualTo(413);
			assertEnvelope(response, 413);
		}
	}

	@Test
	void formBodiesStillWorkWithPut() {
		long id = this.api.send("POST", "/api/v1/components", "{\"name\":\"Put by form\",\"status\":1}", this.auth)
			.json()
			.path("data")
			.path("id")
			.asLong();

		ApiTestClient.Response response = this.api.sendRaw("PUT", "/api/v1/components/" + id,
				"status=3&tags%5B%5D=edge&tags%5B%5D=core", "application/x-www-form-urlencoded", this.auth);

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json().path("data").path("status").asInt()).isEqualTo(3);
		assertThat(response.json().path("data").path("name").asString()).isEqualTo("Put by form");
	}

	@Test
	void unparsableQueryStringsAreBadRequestOnListRoutes() throws IOException {
		String tooMany = IntStream.range(0, 1001).mapToObj((i) -> "p" + i + "=1").collect(Collectors.joining("&"));
		for (String query : List.of("name=%zz", "tags[]=%zz", "per_page=%", "&&&=", tooMany)) {
			for (String path : List.of("/api/v1/components", "/api/v1/incidents", "/api/v1/metrics",
					"/api/v1/schedules", "/api/v1/components/groups")) {
				RawHttp.Response response = RawHttp.send(this.port, "GET", path + "?" + query, Map.of(), "");
				assertThat(response.status()).as(path + "?" + abbreviate(query)).isEqualTo(400);
				assertThat(response.body()).contains("\"status\":400").contains("cannot be parsed");
			}
		}
	}

	@Test
	void unparsableInputOnPagesIsBadRequestNotServerError() throws IOException {
		for (String query : List.of("page=%zz", "start_date=%")) {
			assertThat(RawHttp.send(this.port, "GET", "/?" + query, Map.of(), "").status()).as(query).isEqualTo(400);
		}
		Map<String, String> form = Map.of("Content-Type", "application/x-www-form-urlencoded");
		for (String body : UNPARSABLE) {
			for (String path : List.of("/subscribe", "/dashboard/components", "/auth/login")) {
				assertThat(RawHttp.send(this.port, "POST", path, form, body).status()).as(path + " " + abbreviate(body))
					.isEqualTo(400);
			}
		}
		for (String contentType : List.of("multipart/form-data", "multipart/form-data; boundary=XYZ")) {
			RawHttp.Response upload = RawHttp.send(this.port, "POST", "/dashboard/settings/backup",
					Map.of("Content-Type", contentType), "--XYZ\r\nContent-Disp");
			// a guest's upload is not even read (LargeUploadGuard): the login, not a 5xx
			assertThat(upload.status()).as(contentType).isEqualTo(302);
		}
	}

	@Test
	void deeplyNestedFieldsAreBadRequest() {
		String deep = "x" + "%5Ba%5D".repeat(10_000) + "=1";
		for (String[] route : new String[][] { { "POST", "/api/v1/components" }, { "PUT", "/api/v1/components/1" },
				{ "POST", "/api/v1/incidents" } }) {
			ApiTestClient.Response response = this.api.sendRaw(route[0], route[1], "name=Deep&" + deep,
					"application/x-www-form-urlencoded", this.auth);
			assertThat(response.status()).as(route[0] + " " + route[1]).isEqualTo(400);
			assertThat(assertEnvelope(response, 400).path("meta").path("details").get(0).asString())
				.isEqualTo("The x field is nested deeper than 64 levels.");
		}
		assertThat(this.api.get("/api/v1/components?name=Deep").json().path("data").size()).isZero();
		ApiTestClient.Response atTheLimit = this.api.sendRaw("POST", "/api/v1/components",
				"name=Deep+enough&status=1&x" + "%5Ba%5D".repeat(64) + "=1", "application/x-www-form-urlencoded",
				this.auth);
		assertThat(atTheLimit.status()).as(atTheLimit.body()).isEqualTo(200);
	}

	@Test
	void malformedMultipartBodiesAreBadRequest() throws IOException {
		String part = "--XYZ\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nMultipart\r\n";
		Map<String, String> noBoundary = headers("multipart/form-data");
		Map<String, String> withBoundary = headers("multipart/form-data; boundary=XYZ");
		for (String path : List.of("/api/v1/components", "/api/v1/incidents", "/api/v1/components/1")) {
			String method = path.endsWith("/1") ? "PUT" : "POST";
			assertThat(RawHttp.send(this.port, method, path, noBoundary, "name=Multipart").body()).as("no boundary")
				.contains("\"status\":400");
			assertThat(RawHttp.send(this.port, method, path, withBoundary, part + "--XYZ\r\nContent-Disp").body())
				.as("truncated")
				.contains("\"status\":400");
		}
		RawHttp.Response valid = RawHttp.send(this.port, "POST", "/api/v1/components", withBoundary,
				part + "--XYZ\r\nContent-Disposition: form-data; name=\"status\"\r\n\r\n1\r\n--XYZ--\r\n");
		assertThat(valid.status()).as(valid.body()).isEqualTo(200);
		assertThat(valid.body()).contains("\"name\":\"Multipart\"");
	}

	@Test
	void brokenChunkedBodiesAreBadRequest() throws IOException {
		for (String contentType : List.of("application/json", "application/x-www-form-urlencoded")) {
			String request = "POST /api/v1/components HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
					+ "Content-Type: " + contentType + "\r\nX-Cachet-Token: " + this.auth.get("X-Cachet-Token")
					+ "\r\nTransfer-Encoding: chunked\r\n\r\n" + "zz\r\n{\"name\":\"x\"}\r\n0\r\n\r\n";

			RawHttp.Response response = RawHttp.sendRaw(this.port,
					request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

			assertThat(response.status()).as(contentType + " " + response.body()).isEqualTo(400);
		}
	}

	@Test
	void multipartOverTheUploadLimitIsContentTooLarge() throws IOException {
		Map<String, String> headers = new java.util.HashMap<>(headers("multipart/form-data; boundary=XYZ"));
		headers.put("Content-Length", String.valueOf(100L * 1024 * 1024));

		RawHttp.Response response = RawHttp.send(this.port, "POST", "/api/v1/components", headers, "--XYZ\r\n");

		assertThat(response.status()).as(response.body()).isEqualTo(413);
		assertThat(response.body()).contains("\"status\":413");
	}

	@Test
	void unauthenticatedMultipartIsUnauthorizedWhateverItsBody() throws IOException {
		RawHttp.Response response = RawHttp.send(this.port, "POST", "/api/v1/components",
				Map.of("Content-Type", "multipart/form-data"), "name=x");

		assertThat(response.status()).isEqualTo(401);
	}

	private Map<String, String> headers(String contentType) {
		return Map.of("Content-Type", contentType, "X-Cachet-Token", this.auth.get("X-Cachet-Token"));
	}

	private static String abbreviate(String text) {
		return (text.length() > 40) ? text.substring(0, 40) + "..." : text;
	}

	private static void assertUnauthorized(ApiTestClient.Response response) {
		assertThat(response.status()).isEqualTo(401);
		assertEnvelope(response, 401);
	}

	static JsonNode assertEnvelope(ApiTestClient.Response response, int status) {
		assertThat(response.header("Content-Type")).as(response.body()).startsWith("application/json");
		JsonNode error = response.json().path("errors").path(0);
		assertThat(UUID.fromString(error.path("id").asString())).isNotNull();
		assertThat(error.path("status").asInt()).as(response.body()).isEqualTo(status);
		return error;
	}

}
