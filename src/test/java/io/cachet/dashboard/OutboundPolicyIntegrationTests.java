package io.cachet.dashboard;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cachet.IsolatedIntegrationTest;
import io.cachet.TestUsers;
import io.cachet.api.ApiTestClient;
import io.cachet.outbound.OutboundPolicy;
import io.cachet.settings.SettingsService;
import io.cachet.user.UserService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outbound policy as an admin meets it, WITHOUT the tests' loopback allowance: the
 * API and the dashboard refuse webhook, upstream and import addresses that are, or
 * resolve to, internal ones (422 / form error naming the policy), a webhook re-pointed
 * behind the policy's back fails its delivery with the reason and never reaches the local
 * server, the mail server test refuses an internal SMTP host, and the admin's allow-list
 * setting is validated.
 */
@IsolatedIntegrationTest(properties = { "cachet.outbound.allow=", "cachet.notifications.retry-base=100ms",
		"cachet.notifications.max-attempts=2", "cachet.monitors.minimum-interval=1" })
class OutboundPolicyIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	UserService users;

	@Autowired
	SettingsService settings;

	@Autowired
	LoginThrottle throttle;

	HttpServer target;

	final AtomicInteger reached = new AtomicInteger();

	ApiTestClient api;

	Map<String, String> token;

	FormClient admin;

	@BeforeEach
	void setUp() throws IOException {
		this.throttle.clear();
		TestUsers.ensureSetUp(this.users);
		String name = "outbound" + System.nanoTime();
		this.token = Map.of("X-Cachet-Token", this.users.createUser(TestUsers.admin(name)).apiToken());
		this.api = new ApiTestClient(this.port);
		this.admin = FormClient.loggedIn(this.port, name, "correct horse battery");
		this.target = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.target.createContext("/", (exchange) -> {
			this.reached.incrementAndGet();
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		this.target.createContext("/endless", (exchange) -> {
			// Chunked and endless, until the client hangs up (and 30 s at most).
			exchange.sendResponseHeaders(200, 0);
			byte[] chunk = "status: all good ".repeat(4000).getBytes(java.nio.charset.StandardCharsets.UTF_8);
			long stop = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			try (java.io.OutputStream out = exchange.getResponseBody()) {
				while (System.nanoTime() < stop) {
					out.write(chunk);
				}
			}
			catch (IOException ex) {
				// the monitor hung up, as it should
			}
		});
		this.target.start();
		this.settings.set(OutboundPolicy.SETTING, "");
	}

	@AfterEach
	void stop() {
		this.target.stop(0);
		this.settings.set(OutboundPolicy.SETTING, "");
	}

	private List<String> forbidden() {
		int at = this.target.getAddress().getPort();
		return List.of("http://127.0.0.1:" + at + "/hook", "http://169.254.169.254/latest/meta-data/",
				"http://[::1]:" + at + "/hook", "http://localhost:" + at + "/hook", "http://10.0.0.1/hook",
				"http://[fd00:ec2::254]/latest/meta-data/", "http://[::ffff:127.0.0.1]:" + at + "/hook");
	}

	@Test
	void theApiRefusesWebhooksAndUpstreamsToForbiddenAddresses() {
		for (String url : forbidden()) {
			ApiTestClient.Response webhook = this.api.send("POST", "/api/v1/webhooks",
					"{\"url\":\"" + url + "\",\"send_all_events\":true}", this.token);
			assertThat(webhook.status()).as(url).isEqualTo(422);
			assertThat(webhook.body()).as(url).contains(OutboundPolicy.REFUSAL);
			ApiTestClient.Response upstream = this.api.send("POST", "/api/v1/upstreams",
					"{\"name\":\"Internal\",\"url\":\"" + url + "\"}", this.token);
			assertThat(upstream.status()).as(url).isEqualTo(422);
			assertThat(upstream.body()).as(url).contains(OutboundPolicy.REFUSAL);
		}
		assertThat(this.reached).hasValue(0);
	}

	@Test
	void theDashboardRefusesWebhookAndImportAddressesWithAFormError() {
		for (String url : forbidden()) {
			this.admin.get("/dashboard/webhooks/create");
			HttpResponse<String> webhook = this.admin.post("/dashboard/webhooks",
					Map.of("url", url, "description", "", "format", "json", "send_all_events", "1", "enabled", "1"));
			assertThat(webhook.statusCode()).as(url).isEqualTo(200);
			assertThat(webhook.body()).as(url).contains(OutboundPolicy.REFUSAL);
			this.admin.get("/dashboard/settings/import");
			HttpResponse<String> imported = this.admin.post("/dashboard/settings/import",
					Map.of("url", url, "token", "secret-token"));
			assertThat(imported.body()).as(url).contains(OutboundPolicy.REFUSAL);
		}
		assertThat(this.reached).hasValue(0);
	}

	/**
	 * An address allowed when the webhook was saved and no longer when it is called (the
	 * admin narrowed the allow-list, or a name now resolves elsewhere): the delivery
	 * fails with the policy's reason, quickly, and the server is never reached.
	 */
	@Test
	void aWebhookToAnAddressNoLongerAllowedFailsItsDeliveryWithTheReason() {
		this.settings.set(OutboundPolicy.SETTING, "127.0.0.1/32");
		ApiTestClient.Response created = this.api.send("POST", "/api/v1/webhooks", "{\"url\":\"http://127.0.0.1:"
				+ this.target.getAddress().getPort() + "/hook\",\"send_all_events\":true}", this.token);
		assertThat(created.status()).isEqualTo(200);
		long webhookId = created.json().path("data").path("id").asLong();
		this.settings.set(OutboundPolicy.SETTING, "");
		assertThat(this.api
			.send("POST", "/api/v1/incidents",
					"{\"name\":\"Outbound\",\"message\":\"Checking\",\"status\":1,\"visible\":1}", this.token)
			.status()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.api.get("/api/v1/webhooks/" + webhookId + "/deliveries", this.token)
				.body()
				.contains(OutboundPolicy.REFUSAL));
		assertThat(this.reached).hasValue(0);
	}

	/**
	 * Monitors may watch internal hosts (here the loopback, with no allowance), but not
	 * the cloud metadata service; and a keyword monitor reads an endless body only up to
	 * its cap.
	 */
	@Test
	void monitorsReachInternalHostsButNotTheMetadataService() {
		int at = this.target.getAddress().getPort();
		long internal = component("Internal");
		monitor(internal, "http", "http://127.0.0.1:" + at + "/", "");
		long endless = component("Endless");
		monitor(endless, "http", "http://127.0.0.1:" + at + "/endless", ",\"keyword\":\"all good\"");
		long metadata = component("Metadata");
		long http = monitor(metadata, "http", "http://169.254.169.254/latest/meta-data/", "");
		long tcp = monitor(metadata, "tcp", "169.254.169.254:80", "");
		long ipv6 = monitor(metadata, "http", "http://[fd00:ec2::254]/latest/meta-data/", "");
		await().atMost(Duration.ofSeconds(20)).until(() -> status(internal) == 1 && status(endless) == 1);
		for (long monitor : List.of(http, tcp, ipv6)) {
			await().atMost(Duration.ofSeconds(20))
				.until(() -> this.api.get("/api/v1/monitors/" + monitor + "/results", this.token)
					.body()
					.contains(OutboundPolicy.REFUSAL));
		}
		assertThat(status(metadata)).isEqualTo(4);
	}

	private long component(String name) {
		return this.api.send("POST", "/api/v1/components", "{\"name\":\"" + name + "\",\"status\":1}", this.token)
			.json()
			.path("data")
			.path("id")
			.asLong();
	}

	private int status(long component) {
		return this.api.get("/api/v1/components/" + component, this.token).json().path("data").path("status").asInt();
	}

	private long monitor(long component, String type, String target, String extra) {
		ApiTestClient.Response created = this.api.send("POST", "/api/v1/monitors",
				"{\"component_id\":" + component + ",\"type\":\"" + type + "\",\"target\":\"" + target
						+ "\",\"interval\":1,\"timeout\":5,\"failure_threshold\":1" + extra + "}",
				this.token);
		assertThat(created.status()).as(created.body()).isEqualTo(200);
		return created.json().path("data").path("id").asLong();
	}

	@Test
	void theMailServerTestRefusesAnInternalSmtpHost() {
		this.settings.set("mail_host", "127.0.0.1");
		this.settings.set("mail_port", "25");
		this.admin.get("/dashboard/settings/mail");
		this.admin.post("/dashboard/settings/mail/test", Map.of());
		assertThat(this.admin.get("/dashboard/settings/mail").body()).contains("The test message was not sent")
			.contains(OutboundPolicy.REFUSAL);
		this.settings.set("mail_host", "");
	}

	@Test
	void theAllowListSettingIsValidatedAndThenApplies() {
		this.admin.get("/dashboard/settings/security");
		HttpResponse<String> bad = this.admin.post("/dashboard/settings/security",
				Map.of("allowed_domains", "", OutboundPolicy.SETTING, "10.0.0.0/33, hooks.example"));
		assertThat(bad.statusCode()).isEqualTo(200);
		assertThat(bad.body()).contains("10.0.0.0/33").contains("is not a valid address or CIDR range");
		assertThat(this.settings.get(OutboundPolicy.SETTING, "")).isEmpty();

		this.admin.get("/dashboard/settings/security");
		this.admin.post("/dashboard/settings/security",
				Map.of("allowed_domains", "", OutboundPolicy.SETTING, "127.0.0.0/8, hooks.example"));
		assertThat(this.settings.get(OutboundPolicy.SETTING, "")).isEqualTo("127.0.0.0/8, hooks.example");
		ApiTestClient.Response webhook = this.api.send("POST", "/api/v1/webhooks",
				"{\"url\":\"http://127.0.0.1:" + this.target.getAddress().getPort() + "/hook\"}", this.token);
		assertThat(webhook.status()).isEqualTo(200);
	}

}
