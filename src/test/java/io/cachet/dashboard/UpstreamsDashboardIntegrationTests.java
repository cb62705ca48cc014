package io.cachet.dashboard;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cachet.IsolatedIntegrationTest;
import io.cachet.TestUsers;
import io.cachet.component.ComponentService;
import io.cachet.shared.ListQuery;
import io.cachet.upstream.UpstreamComponentView;
import io.cachet.upstream.UpstreamService;
import io.cachet.upstream.UpstreamView;
import io.cachet.user.UserService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The upstreams page over HTTP: an admin follows a local Statuspage, hides one of its
 * components and deletes it; a non-admin is refused.
 */
@IsolatedIntegrationTest(properties = "cachet.upstreams.tick=100ms")
class UpstreamsDashboardIntegrationTests {

	private static final String SUMMARY = "{\"page\":{\"id\":\"p\",\"name\":\"Vendor\"},\"components\":["
			+ "{\"id\":\"g\",\"name\":\"Group\",\"status\":\"operational\",\"group\":true,\"components\":[\"a\"]},"
			+ "{\"id\":\"a\",\"name\":\"Vendor API\",\"status\":\"partial_outage\",\"group_id\":\"g\",\"group\":false},"
			+ "{\"id\":\"b\",\"name\":\"Vendor Dashboard\",\"status\":\"operational\",\"group_id\":null,\"group\":false}]}";

	@LocalServerPort
	int port;

	@Autowired
	UserService users;

	@Autowired
	UpstreamService upstreams;

	@Autowired
	ComponentService components;

	@Autowired
	LoginThrottle throttle;

	FormClient browser;

	HttpServer vendor;

	@BeforeEach
	void setUp() throws IOException {
		String username = "upstreams" + System.nanoTime();
		this.users.createUser(TestUsers.admin(username));
		this.throttle.clear();
		this.browser = FormClient.loggedIn(this.port, username, "correct horse battery");
		this.vendor = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.vendor.createContext("/api/v2/summary.json", (exchange) -> {
			byte[] body = SUMMARY.getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		this.vendor.start();
	}

	@AfterEach
	void stop() {
		this.vendor.stop(0);
	}

	@Test
	void anAdminFollowsHidesAndDeletesAnUpstream() {
		var page = this.browser.get("/dashboard/upstreams");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Follow a status page").contains("href=\"/dashboard/upstreams\"");

		var rejected = this.browser.post("/dashboard/upstreams",
				Map.of("name", "Bad", "url", "ftp://example.com/x", "interval", "60"));
		assertThat(rejected.statusCode()).isEqualTo(200);
		assertThat(rejected.body()).contains("http or https");
		var tooOften = this.browser.post("/dashboard/upstreams",
				Map.of("name", "Fast", "url", "https://example.com/x", "interval", "5"));
		assertThat(tooOften.body()).contains("interval must be between 30");
		var blank = this.browser.post("/dashboard/upstreams", Map.of("name", "", "url", "", "interval", "60"));
		assertThat(blank.body()).contains("field-error");

		String name = "Vendor " + UUID.randomUUID();
		String url = "http://127.0.0.1:" + this.vendor.getAddress().getPort() + "/api/v2/summary.json";
		var created = this.browser.post("/dashboard/upstreams", Map.of("name", name, "url", url, "interval", "60"));
		assertThat(FormClient.location(created)).endsWith("/dashboard/upstreams");
		UpstreamView upstream = find(name);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.upstreams.getUpstream(upstream.id()).components().size() == 2);
		String list = this.browser.get("/dashboard/upstreams").body();
		assertThat(list).contains(name).contains("Vendor API").contains("Partial Outage").contains("Hide");

		UpstreamComponentView api = this.upstreams.getUpstream(upstream.id()).components().get(0);
		var hidden = this.browser.post("/dashboard/upstreams/" + upstream.id() + "/components/" + api.componentId(),
				Map.of("hidden", "true"));
		assertThat(FormClient.location(hidden)).endsWith("/dashboard/upstreams");
		assertThat(this.components.getComponent(api.componentId()).enabled()).isFalse();
		assertThat(this.browser.get("/dashboard/upstreams").body()).contains("Component hidden.").contains(">Show<");

		this.browser.post("/dashboard/upstreams/" + upstream.id() + "/components/" + api.componentId(),
				Map.of("hidden", "false"));
		assertThat(this.components.getComponent(api.componentId()).enabled()).isTrue();

		var deleted = this.browser.post("/dashboard/upstreams/" + upstream.id() + "/delete", Map.of());
		assertThat(FormClient.location(deleted)).endsWith("/dashboard/upstreams");
		assertThat(this.upstreams.findUpstreams(ListQuery.all()).items()).noneMatch((u) -> u.id() == upstream.id());
		assertThat(this.components.findComponent(api.componentId())).isEmpty();
	}

	@Test
	void onlyAdminsSeeThePage() {
		String username = "editor" + System.nanoTime();
		this.users.createUser(TestUsers.user(username));
		FormClient editor = FormClient.loggedIn(this.port, username, "correct horse battery");
		assertThat(editor.get("/dashboard/upstreams").statusCode()).isEqualTo(403);
		assertThat(editor.get("/dashboard").body()).doesNotContain("href=\"/dashboard/upstreams\"");
	}

	private UpstreamView find(String name) {
		return this.upstreams.findUpstreams(ListQuery.all())
			.items()
			.stream()
			.filter((u) -> u.name().equals(name))
			.findFirst()
			.orElseThrow();
	}

}
