package io.cachet.api;

import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.cachet.IsolatedIntegrationTest;
import io.cachet.TestUsers;
import io.cachet.settings.SettingsService;
import io.cachet.testprobe.FailingPageController;
import io.cachet.user.AuthenticatedUser;
import io.cachet.user.UserService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The behaviour every {@code /api/v1} route shares, over real HTTP: the error envelope,
 * 404 for unknown paths, 405, 406, 400 for malformed or invalid bodies, 401 for writes
 * without a valid token, and a 500 that reveals nothing.
 */
@IsolatedIntegrationTest
@Import({ ApiConventionsIntegrationTests.ProbeController.class, FailingPageController.class })
@ExtendWith(OutputCaptureExtension.class)
class ApiConventionsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	UserService userService;

	@Autowired
	SettingsService settings;

	ApiTestClient api;

	String token;

	@BeforeEach
	void setUp() {
		this.api = new ApiTestClient(this.port);
		this.token = this.userService.createUser(TestUsers.user("conventions-" + UUID.randomUUID())).apiToken();
	}

	@Test
	void unknownPathIsNotFoundInCachetsEnvelope() {
		ApiTestClient.Response response = this.api.get("/api/v1/no-such-thing");

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.header("Content-Type")).startsWith("application/json");
		assertErrorEnvelope(response.json(), 404, "Not Found");
	}

	@Test
	void unknownPathWithValidTokenIsNotFoundForWritesToo() {
		ApiTestClient.Response response = this.api.send("DELETE", "/api/v1/no-such-thing/1", null,
				Map.of("X-Cachet-Token", this.token));

		assertThat(response.status()).isEqualTo(404);
		assertErrorEnvelope(response.json(), 404, "Not Found");
	}

	@Test
	void unsupportedMethodIsMethodNotAllowedWithAllowHeader() {
		ApiTestClient.Response response = this.api.send("PUT", "/api/v1/ping", "{}",
				Map.of("X-Cachet-Token", this.token));

		assertThat(response.status()).isEqualTo(405);
		assertThat(response.header("Allow")).contains("GET");
		assertErrorEnvelope(response.json(), 405, "Method Not Allowed");
	}

	@Test
	void acceptHeaderWithoutJsonIsNotAcceptableAnsweredInJson() {
		ApiTestClient.Response response = this.api.get("/api/v1/ping", Map.of("Accept", "text/html"));

		assertThat(response.status()).isEqualTo(406);
		assertThat(response.header("Content-Type")).startsWith("application/json");
		assertErrorEnvelope(response.json(), 406, "Not Acceptable");
	}

	@Test
	void jsonRefusedWithZeroQualityIsNotAcceptable() {
		assertThat(this.api.get("/api/v1/ping", Map.of("Accept", "application/json;q=0")).status()).isEqualTo(406);
	}

	@Test
	void acceptHeadersAdmittingJsonAreServed() {
		for (String accept : new String[] { "application/json", "*/*", "application/*",
				"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8" }) {
			assertThat(this.api.get("/api/v1/ping", Map.of("Accept", accept)).status()).as(accept).isEqualTo(200);
		}
	}

	@Test
	void writeWithoutTokenIsUnauthorized() {
		ApiTestClient.Response response = this.api.send("POST", "/api/v1/test/echo", "{\"name\":\"x\"}", Map.of());

		assertThat(response.status()).isEqualTo(401);
		assertErrorEnvelope(response.json(), 401, "Unauthorized");
	}

	@Test
	void writeWithWrongTokenIsUnauthorized() {
		ApiTestClient.Response response = this.api.send("POST", "/api/v1/test/echo", "{\"name\":\"x\"}",
				Map.of("X-Cachet-Token", this.token + "x"));

		assertThat(response.status()).isEqualTo(401);
		assertErrorEnvelope(response.json(), 401, "Unauthorized");
	}

	@Test
	void writeWithValidTokenIsAuthenticatedAsItsUser() {
		ApiTestClient.Response response = this.api.send("POST", "/api/v1/test/echo", "{\"name\":\"x\"}",
				Map.of("X-Cachet-Token", this.token));

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().path("data").path("name").asString()).isEqualTo("x");
		assertThat(response.json().path("data").path("user").asString()).startsWith("conventions-");
	}

	@Test
	void readWithWrongTokenGoesOnAsGuest() {
		ApiTestClient.Response response = this.api.get("/api/v1/ping", Map.of("X-Cachet-Token", "not-a-token"));

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().path("data").asString()).isEqualTo("Pong!");
	}

	@Test
	void subscriberListNeedsToken() {
		ApiTestClient.Response response = this.api.get("/api/v1/subscribers");

		assertThat(response.status()).isEqualTo(401);
		assertErrorEnvelope(response.json(), 401, "Unauthorized");
	}

	@Test
	void alwaysAuthenticateSettingClosesReadsButNotPingVersionAndStatus() {
		this.settings.set("always_authenticate", "1");
		try {
			assertThat(this.api.get("/api/v1/components").status()).isEqualTo(401);
			assertThat(this.api.get("/api/v1/components", Map.of("X-Cachet-Token", this.token)).status())
				.isEqualTo(200);
			assertThat(this.api.get("/api/v1/ping").status()).isEqualTo(200);
			assertThat(this.api.get("/api/v1/version").status()).isEqualTo(200);
		}
		finally {
			this.settings.set("always_authenticate", "0");
		}
		assertThat(this.api.get("/api/v1/components").status()).isEqualTo(200);
	}

	@Test
	void hugeBodyIsPayloadTooLarge() {
		String huge = "{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";

		ApiTestClient.Response response = this.api.send("POST", "/api/v1/components", huge,
				Map.of("X-Cachet-Token", this.token));

		assertThat(response.status()).isEqualTo(413);
		assertErrorEnvelope(response.json(), 413, "Content Too Large");
	}

	@Test
	void malformedJsonIsBadRequest() {
		ApiTestClient.Response response = this.api.send("POST", "/api/v1/test/echo", "{\"name\": ",
				Map.of("X-Cachet-Token", this.token));

		assertThat(response.status()).isEqualTo(400);
		JsonNode error = assertErrorEnvelope(response.json(), 400, "Bad Request");
		assertThat(error.path("detail").asString()).isEqualTo("The request cannot be fulfilled due to bad syntax.");
		assertThat(error.path("meta").path("details").get(0).asString()).contains("not valid JSON");
	}

	@Test
	void malformedJsonForFieldReadingRoutesIsBadRequest() {
		ApiTestClient.Response notJson = this.api.send("POST", "/api/v1/components", "{\"name\": ",
				Map.of("X-Cachet-Token", this.token));
		ApiTestClient.Response notAnObject = this.api.send("POST", "/api/v1/components", "[1, 2]",
				Map.of("X-Cachet-Token", this.token));

		assertThat(notJson.status()).isEqualTo(400);
		assertThat(
				assertErrorEnvelope(notJson.json(), 400, "Bad Request").path("meta").path("details").get(0).asString())
			.isEqualTo("The request body is not valid JSON.");
		assertThat(notAnObject.status()).isEqualTo(400);
		assertThat(assertErrorEnvelope(notAnObject.json(), 400, "Bad Request").path("meta")
			.path("details")
			.get(0)
			.asString()).isEqualTo("The request body must be a JSON object.");
	}

	@Test
	void timeZoneHeaderChangesTimestamps() {
		String utc = this.api
			.send("POST", "/api/v1/components", "{\"name\":\"Clock\",\"status\":1}",
					Map.of("X-Cachet-Token", this.token))
			.json()
			.path("data")
			.path("created_at")
			.asString();
		String id = this.api.get("/api/v1/components?name=Clock&sort=id&order=desc")
			.json()
			.path("data")
			.get(0)
			.path("id")
			.asString();

		String tokyo = this.api.get("/api/v1/components/" + id, Map.of("Time-Zone", "Asia/Tokyo"))
			.json()
			.path("data")
			.path("created_at")
			.asString();
		String invalid = this.api.get("/api/v1/components/" + id, Map.of("Time-Zone", "Mars/Olympus"))
			.json()
			.path("data")
			.path("created_at")
			.asString();

		java.time.format.DateTimeFormatter format = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
		assertThat(java.time.LocalDateTime.parse(tokyo, format))
			.isEqualTo(java.time.LocalDateTime.parse(utc, format).plusHours(9));
		assertThat(invalid).isEqualTo(utc);
	}

	@Test
	void invalidBodyIsBadRequestWithDetails() {
		ApiTestClient.Response response = this.api.send("POST", "/api/v1/test/echo", "{\"name\":\"\"}",
				Map.of("X-Cachet-Token", this.token));

		assertThat(response.status()).isEqualTo(400);
		JsonNode error = assertErrorEnvelope(response.json(), 400, "Bad Request");
		assertThat(error.path("meta").path("details").get(0).asString()).startsWith("The name ");
	}

	@Test
	void unexpectedErrorIsGeneric500AndLoggedOnce(CapturedOutput output) {
		ApiTestClient.Response response = this.api.get("/api/v1/test/boom");

		assertThat(response.status()).isEqualTo(500);
		assertErrorEnvelope(response.json(), 500, "Internal Server Error");
		assertThat(response.body()).doesNotContain("secret internals");
		assertThat(output).containsOnlyOnce("secret internals");
		String id = response.json().path("errors").get(0).path("id").asString();
		assertThat(logLine(output, id)).contains("ERROR").contains("GET /api/v1/test/boom").contains("500");
		assertThat(output.toString().substring(output.toString().indexOf(id)))
			.contains("java.lang.IllegalStateException: secret internals")
			.contains("at io.cachet.api.ApiConventionsIntegrationTests$ProbeController.boom");
	}

	@Test
	void failingPageShowsAnErrorIdThatIsLoggedWithTheStackTrace(CapturedOutput output) {
		ApiTestClient.Response response = this.api.get("/test/boom-page", Map.of("Accept", "text/html"));

		assertThat(response.status()).isEqualTo(500);
		assertThat(response.body()).doesNotContain("secret page internals");
		java.util.regex.Matcher shown = java.util.regex.Pattern.compile("class=\"error-id\">([0-9a-f-]{36})<")
			.matcher(response.body());
		assertThat(shown.find()).as(response.body()).isTrue();
		String id = shown.group(1);
		assertThat(logLine(output, id)).contains("ERROR").contains("GET /test/boom-page");
		assertThat(output.toString().lines().filter((line) -> line.contains(id))).as("logged once").hasSize(1);
		assertThat(output).doesNotContain("Servlet.service() for servlet");
		assertThat(output.toString().substring(output.toString().indexOf(id)))
			.contains("java.lang.IllegalStateException: secret page internals")
			.contains("at io.cachet.testprobe.FailingPageController.boom");
	}

	private static String logLine(CapturedOutput output, String id) {
		return output.toString()
			.lines()
			.filter((line) -> line.contains(id))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No log line with error id " + id));
	}

	private static JsonNode assertErrorEnvelope(JsonNode body, int status, String title) {
		assertThat(body.path("errors").isArray()).isTrue();
		assertThat(body.path("errors").size()).isEqualTo(1);
		JsonNode error = body.path("errors").get(0);
		assertThat(UUID.fromString(error.path("id").asString())).isNotNull();
		assertThat(error.path("status").asInt()).isEqualTo(status);
		assertThat(error.path("title").asString()).isEqualTo(title);
		assertThat(error.path("detail").asString()).isNotBlank();
		return error;
	}

	/**
	 * Routes that exist only in this test, to exercise what the real write routes share.
	 */
	@RestController
	static class ProbeController {

		@PostMapping("/api/v1/test/echo")
		ApiItem<Map<String, String>> echo(@Valid @RequestBody EchoRequest request,
				@AuthenticationPrincipal AuthenticatedUser user) {
			return new ApiItem<>(Map.of("name", request.name(), "user", user.username()));
		}

		@GetMapping("/api/v1/test/boom")
		ApiItem<String> boom() {
			throw new IllegalStateException("secret internals");
		}

	}

	record EchoRequest(@NotBlank String name) {

	}

}
