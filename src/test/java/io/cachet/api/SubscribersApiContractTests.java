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
import io.cachet.settings.SettingsService;
import io.cachet.subscriber.SubscriberService;
import io.cachet.subscriber.SubscriberView;
import io.cachet.user.UserService;

import static io.cachet.api.ComponentsApiContractTests.details;
import static io.cachet.api.ComponentsApiContractTests.fieldNames;
import static io.cachet.api.ComponentsApiContractTests.ids;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/v1/subscribers} and {@code /api/v1/subscriptions} over real HTTP, run on
 * each database by the subclasses.
 */
abstract class SubscribersApiContractTests {

	@LocalServerPort
	int port;

	@Autowired
	UserService userService;

	@Autowired
	SubscriberService subscriberService;

	@Autowired
	SettingsService settings;

	@Autowired
	JdbcClient jdbc;

	ApiTestClient api;

	Map<String, String> auth;

	@BeforeEach
	void setUp() {
		this.api = new ApiTestClient(this.port);
		this.auth = Map.of("X-Cachet-Token",
				this.userService
					.createUser(TestUsers.admin("subscribers-" + UUID.randomUUID().toString().substring(0, 8)))
					.apiToken());
	}

	@Test
	void subscribesToEveryComponentByDefault() {
		long api = createComponent("API");
		long web = createComponent("Web");
		String email = unique("all");

		ApiTestClient.Response response = post("/api/v1/subscribers", "{\"email\":\"" + email + "\",\"verify\":1}");

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode data = response.json().path("data");
		assertThat(fieldNames(data)).containsExactly("id", "email", "phone_number", "slack_webhook_url", "verify_code",
				"verified_at", "global", "created_at", "updated_at", "subscriptions");
		assertThat(data.path("global").asBoolean()).isTrue();
		assertThat(data.path("verify_code").asString()).hasSize(42);
		assertThat(data.path("verified_at").asString()).matches(
				"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \\d{1,2}(st|nd|rd|th) \\w+ \\d{4} \\d{2}:\\d{2}:\\d{2}");
		List<Long> subscribed = new java.util.ArrayList<>();
		data.path("subscriptions").forEach((s) -> subscribed.add(s.path("component_id").asLong()));
		assertThat(subscribed).contains(api, web);
	}

	@Test
	void subscribesToTheGivenComponentsOnly() {
		long api = createComponent("Only API");
		createComponent("Not this one");

		JsonNode data = post("/api/v1/subscribers",
				"{\"email\":\"" + unique("some") + "\",\"components\":[" + api + "]}")
			.json()
			.path("data");

		assertThat(data.path("global").asBoolean()).isFalse();
		assertThat(data.path("verified_at").isNull()).isTrue();
		assertThat(data.path("subscriptions").size()).isEqualTo(1);
		assertThat(data.path("subscriptions").get(0).path("component_id").asLong()).isEqualTo(api);
	}

	@Test
	void returnsAnExistingSubscriberUnchanged() {
		String email = unique("twice");
		JsonNode first = post("/api/v1/subscribers", "{\"email\":\"" + email + "\"}").json().path("data");

		JsonNode second = post("/api/v1/subscribers", "{\"email\":\"" + email.toUpperCase() + "\",\"verify\":true}")
			.json()
			.path("data");

		assertThat(second.path("id").asLong()).isEqualTo(first.path("id").asLong());
		assertThat(second.path("verified_at").isNull()).isTrue();
	}

	@Test
	void verificationDefaultsToTheSkipSetting() {
		this.settings.set("skip_subscriber_verification", "1");
		try {
			assertThat(post("/api/v1/subscribers", "{\"email\":\"" + unique("skip") + "\"}").json()
				.path("data")
				.path("verified_at")
				.isNull()).isFalse();
		}
		finally {
			this.settings.set("skip_subscriber_verification", "0");
		}
		assertThat(post("/api/v1/subscribers", "{\"email\":\"" + unique("noskip") + "\"}").json()
			.path("data")
			.path("verified_at")
			.isNull()).isTrue();
	}

	@Test
	void refusesInvalidSubscribersAndWritesNothing() {
		long before = this.jdbc.sql("SELECT COUNT(*) FROM subscribers").query(Long.class).single();

		assertThat(details(post("/api/v1/subscribers", "{}"))).containsExactly("The email field is required.");
		assertThat(details(post("/api/v1/subscribers", "{\"email\":\"not-an-address\",\"verify\":\"maybe\"}")))
			.containsExactly("The email must be a valid email address.", "The verify field must be true or false.");
		assertThat(
				post("/api/v1/subscribers", "{\"email\":\"" + unique("bad") + "\",\"components\":[987654]}").status())
			.isEqualTo(400);

		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM subscribers").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void listsOnlyForAuthenticatedCallersAndDeletes() {
		long api = createComponent("Deletable");
		JsonNode subscriber = post("/api/v1/subscribers",
				"{\"email\":\"" + unique("del") + "\",\"components\":[" + api + "]}")
			.json()
			.path("data");
		long id = subscriber.path("id").asLong();
		long subscription = subscriber.path("subscriptions").get(0).path("id").asLong();

		assertThat(this.api.get("/api/v1/subscribers").status()).isEqualTo(401);
		assertThat(ids(this.api.get("/api/v1/subscribers?per_page=1000", this.auth).json())).contains(id);

		assertThat(this.api.send("DELETE", "/api/v1/subscriptions/" + subscription, null, this.auth).status())
			.isEqualTo(204);
		assertThat(this.api.send("DELETE", "/api/v1/subscriptions/" + subscription, null, this.auth).status())
			.isEqualTo(404);
		assertThat(this.api.send("DELETE", "/api/v1/subscribers/" + id, null, this.auth).status()).isEqualTo(204);
		assertThat(this.api.send("DELETE", "/api/v1/subscribers/" + id, null, this.auth).status()).isEqualTo(404);
		assertThat(this.api.send("DELETE", "/api/v1/subscribers/" + id, null, Map.of()).status()).isEqualTo(401);
	}

	@Test
	void findsTheVerifiedSubscribersToNotifyForAComponent() {
		long api = createComponent("Notify API");
		long other = createComponent("Notify other");
		long global = post("/api/v1/subscribers", "{\"email\":\"" + unique("g") + "\",\"verify\":true}").json()
			.path("data")
			.path("id")
			.asLong();
		long specific = post("/api/v1/subscribers",
				"{\"email\":\"" + unique("s") + "\",\"verify\":true,\"components\":[" + api + "]}")
			.json()
			.path("data")
			.path("id")
			.asLong();
		long unverified = post("/api/v1/subscribers",
				"{\"email\":\"" + unique("u") + "\",\"verify\":false,\"components\":[" + api + "]}")
			.json()
			.path("data")
			.path("id")
			.asLong();

		assertThat(this.subscriberService.findSubscribersToNotify(api)).extracting(SubscriberView::id)
			.contains(global, specific)
			.doesNotContain(unverified);
		assertThat(this.subscriberService.findSubscribersToNotify(other)).extracting(SubscriberView::id)
			.contains(global)
			.doesNotContain(specific);
	}

	private String unique(String name) {
		return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
	}

	private long createComponent(String name) {
		return post("/api/v1/components", "{\"name\":\"" + name + "\",\"status\":1}").json()
			.path("data")
			.path("id")
			.asLong();
	}

	private ApiTestClient.Response post(String path, String body) {
		return this.api.send("POST", path, body, this.auth);
	}

}
