package io.cachet.statuspage;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cachet.StatusPageTest;
import io.cachet.TestUsers;
import io.cachet.component.ComponentService;
import io.cachet.component.ComponentStatus;
import io.cachet.dashboard.FormClient;
import io.cachet.incident.IncidentService;
import io.cachet.incident.IncidentStatus;
import io.cachet.settings.SettingsService;
import io.cachet.shared.BrowserPolicy;
import io.cachet.user.UserService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14, item 8: the browser-side defences, attacked over HTTP. The Content-Security
 * Policy and its companions on every kind of answer (the in-memory fast path included),
 * no inline script left for the policy to refuse, the custom CSS and HTML unable to carry
 * script, {@code always_authenticate} closing the whole status page, and
 * {@code allowed_domains} deciding which sites' scripts may read the API.
 */
@StatusPageTest
class BrowserDefencesIntegrationTests {

	private static final String PASSWORD = "correct horse battery";

	@LocalServerPort
	int port;

	@Autowired
	SettingsService settings;

	@Autowired
	StatusPageRefresher refresher;

	@Autowired
	ComponentService components;

	@Autowired
	IncidentService incidents;

	@Autowired
	UserService users;

	@Autowired
	JdbcClient jdbc;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private StatusPageFixtures fixtures;

	private String admin = "";

	@BeforeEach
	void setUp() {
		StatusPageFixtures.clear(this.jdbc);
		TestUsers.ensureSetUp(this.users);
		Map.of("app_name", "Acme Status", "app_domain", "https://status.acme.test", "app_locale", "en",
				"automatic_localization", "0", "enable_subscribers", "1", "always_authenticate", "0", "allowed_domains",
				"", "stylesheet", "", "header", "", "footer", "")
			.forEach(this.settings::set);
		this.fixtures = new StatusPageFixtures(this.port, this.components, this.incidents);
		this.admin = "browser-" + java.util.UUID.randomUUID();
		this.users.createUser(TestUsers.admin(this.admin));
	}

	@AfterEach
	void tearDown() {
		// the context is shared with the other status page tests
		this.settings.set("always_authenticate", "0");
		this.settings.set("allowed_domains", "");
		this.settings.set("stylesheet", "");
		this.settings.set("header", "");
		this.settings.set("footer", "");
		this.refresher.rebuild();
	}

	@Test
	void everyKindOfAnswerCarriesTheBrowserPolicy() {
		this.fixtures.component("API", ComponentStatus.OPERATIONAL, 0);
		this.refresher.rebuild();

		HttpResponse<String> page = get("/");
		assertBrowserHeaders(page, BrowserPolicy.PUBLIC_PAGE);
		assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("SAMEORIGIN");
		assertThat(csp(page)).contains("script-src 'self';")
			.contains("frame-ancestors 'self'")
			.contains("object-src 'none'")
			.contains("base-uri 'self'")
			.contains("form-action 'self'");
		assertBrowserHeaders(get("/api/v2/summary.json"), BrowserPolicy.PUBLIC_PAGE);
		assertBrowserHeaders(get("/rss"), BrowserPolicy.PUBLIC_PAGE);

		HttpResponse<String> embed = get("/embed");
		assertBrowserHeaders(embed, BrowserPolicy.EMBED);
		assertThat(embed.headers().firstValue("X-Frame-Options")).isEmpty();

		HttpResponse<String> login = get("/auth/login");
		assertBrowserHeaders(login, BrowserPolicy.DASHBOARD);
		assertThat(csp(login)).contains("style-src 'self';").contains("frame-ancestors 'none'");
		assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		HttpResponse<String> subscribe = get("/subscribe");
		assertBrowserHeaders(subscribe, BrowserPolicy.PUBLIC_PAGE);
		assertBrowserHeaders(get("/no-such-page"), BrowserPolicy.PUBLIC_PAGE);
		assertBrowserHeaders(get("/status/status.css"), BrowserPolicy.PUBLIC_PAGE);
		assertBrowserHeaders(get("/dashboard-assets/dashboard.js"), BrowserPolicy.PUBLIC_PAGE);

		assertBrowserHeaders(get("/api/v1/ping"), BrowserPolicy.API);
		assertBrowserHeaders(get("/api/v1/no-such-thing"), BrowserPolicy.API);
		assertBrowserHeaders(get("/api/v1/subscribers"), BrowserPolicy.API);
	}

	@Test
	void apiDocumentationWorksUnderThePublicPolicy() {
		HttpResponse<String> docs = get("/api/docs");
		while (docs.statusCode() / 100 == 3) {
			docs = get(URI.create("http://localhost:" + this.port + "/")
				.resolve(FormClient.location(docs))
				.toString()
				.substring(("http://localhost:" + this.port).length()));
		}
		assertThat(docs.statusCode()).isEqualTo(200);
		assertThat(docs.body()).containsIgnoringCase("swagger");
		assertBrowserHeaders(docs, BrowserPolicy.PUBLIC_PAGE);
		assertNoInlineScript(docs.uri().getPath(), docs.body());
		for (String script : Jsoup.parse(docs.body(), docs.uri().toString())
			.select("script[src]")
			.eachAttr("abs:src")) {
			assertThat(script).startsWith("http://localhost:" + this.port + "/");
			assertThat(get(script.substring(("http://localhost:" + this.port).length())).statusCode()).as(script)
				.isEqualTo(200);
		}
	}

	@Test
	void noPageHasAnInlineScriptForThePolicyToRefuse() {
		this.fixtures.component("API", ComponentStatus.OPERATIONAL, 0);
		this.fixtures.incident("Slow logins", IncidentStatus.INVESTIGATING, true, null);
		this.refresher.rebuild();
		for (String path : List.of("/", "/embed", "/subscribe", "/auth/login", "/no-such-page")) {
			assertNoInlineScript(path, get(path).body());
		}
		FormClient browser = new FormClient(this.port);
		assertThat(FormClient.location(browser.logIn(this.admin, PASSWORD))).endsWith("/dashboard");
		for (String path : List.of("/dashboard", "/dashboard/components", "/dashboard/incidents",
				"/dashboard/incidents/create", "/dashboard/metrics/create", "/dashboard/schedule/create",
				"/dashboard/templates/create", "/dashboard/webhooks", "/dashboard/monitors",
				"/dashboard/settings/setup", "/dashboard/settings/theme", "/dashboard/team", "/dashboard/user",
				"/dashboard/subscribers", "/dashboard/upstreams", "/dashboard/audit")) {
			HttpResponse<String> page = browser.get(path);
			assertThat(page.statusCode()).as(path).isEqualTo(200);
			assertNoInlineScript(path, page.body());
		}
		assertThat(browser.get("/dashboard/components").body())
			.contains("<script src=\"/dashboard-assets/dashboard.js\" defer></script>");
		assertThat(get("/dashboard-assets/dashboard.js").body()).contains("data-confirm").contains("sortable");
	}

	@Test
	void customCssCannotCloseItsStyleElement() {
		for (String payload : List.of("</sty</stylele><script>alert(1)</script>", "</STYLE ><script>alert(1)</script>",
				"</style\n><script>alert(1)</script>", "</s</s</styletyletyle><script>alert(1)</script>",
				"<!--</style><script>alert(1)</script>-->", "body{}</style><img src=x onerror=alert(1)>")) {
			this.settings.set("stylesheet", payload);
			this.refresher.rebuild();

			Document page = Jsoup.parse(get("/").body());

			assertThat(page.select("script").eachAttr("src")).as(payload).containsExactly("/status/status.js");
			assertThat(page.select("script:not([src])")).as(payload).isEmpty();
			assertThat(page.select("img[onerror]")).as(payload).isEmpty();
			assertThat(page.head().select("style")).as(payload).hasSize(2);
			assertThat(page.head().select("style").last().data()).as(payload).doesNotContain("<").contains("\\3C ");
		}
		this.settings.set("stylesheet", "a[title=\"<b>\"]::after { content: \"<\"; }");
		this.refresher.rebuild();
		assertThat(get("/").body()).contains("a[title=\"\\3C b>\"]::after { content: \"\\3C \"; }");
	}

	@Test
	void customHeaderAndFooterLoseTheirScripts() {
		this.settings.set("header", "<div class=\"brand\"><a href=\"/about\">About</a><script>alert(1)</script>"
				+ "<img src=\"https://cdn.example/logo.png\" onerror=\"alert(2)\"><a href=\"javascript:alert(3)\">x</a></div>");
		this.settings.set("footer", "<p style=\"color:red\" onclick=\"alert(4)\">Bye</p><iframe src=\"https://evil\">"
				+ "</iframe><svg><script>alert(5)</script></svg>");
		this.refresher.rebuild();

		Document page = Jsoup.parse(get("/").body());

		Element header = page.selectFirst(".custom-header");
		assertThat(header).isNotNull();
		assertThat(header.select("div.brand a[href=/about]")).hasSize(1);
		assertThat(header.select("img[src=https://cdn.example/logo.png]")).hasSize(1);
		Element footer = page.selectFirst(".custom-footer");
		assertThat(footer).isNotNull();
		assertThat(footer.select("p[style]").text()).isEqualTo("Bye");
		assertThat(page.select("script:not([src]), iframe, svg, [onerror], [onclick], a[href^=javascript]")).isEmpty();
		assertThat(page.html()).doesNotContain("alert(");
	}

	@Test
	void alwaysAuthenticateClosesTheWholeStatusPageToGuests() {
		long api = this.fixtures.component("API", ComponentStatus.OPERATIONAL, 0);
		long incident = this.fixtures.incident("Slow logins", IncidentStatus.INVESTIGATING, true, null);
		this.refresher.rebuild();
		List<String> documents = List.of("/", "/?start_date=2026-01-01", "/incidents/" + incident, "/embed",
				"/subscribe");
		List<String> data = List.of("/rss", "/atom", "/badge.svg", "/components/" + api + "/badge.svg", "/widget.js",
				"/metrics/1", "/api/v2/summary.json", "/api/v2/components.json", "/api/v1/components",
				"/api/v1/incidents");
		// each answer is in the in-memory cache before the setting changes
		for (String path : concat(documents, data)) {
			assertThat(get(path).statusCode()).as(path).isIn(200, 404);
		}

		this.settings.set("always_authenticate", "1");

		for (String path : documents) {
			HttpResponse<String> guest = get(path);
			assertThat(guest.statusCode()).as(path).isEqualTo(302);
			assertThat(FormClient.location(guest)).as(path).endsWith("/auth/login");
			assertThat(guest.body()).as(path).doesNotContain("Slow logins");
		}
		for (String path : data) {
			HttpResponse<String> guest = get(path);
			assertThat(guest.statusCode()).as(path).isEqualTo(401);
			assertThat(guest.body()).as(path).doesNotContain("Slow logins").doesNotContain("API");
		}
		assertThat(head("/").statusCode()).isEqualTo(302);

		FormClient member = new FormClient(this.port);
		member.logIn(this.admin, PASSWORD);
		HttpResponse<String> page = member.get("/");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Slow logins");
		assertThat(page.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
		assertBrowserHeaders(page, BrowserPolicy.PUBLIC_PAGE);
		assertThat(member.get("/incidents/" + incident).body()).contains("Slow logins");
		assertThat(member.get("/rss").body()).contains("Slow logins");
		HttpResponse<String> embed = member.get("/embed");
		assertThat(embed.statusCode()).isEqualTo(200);
		assertThat(csp(embed)).isEqualTo(BrowserPolicy.EMBED);
		assertThat(embed.headers().firstValue("X-Frame-Options")).isEmpty();
		String token = this.users.createUser(TestUsers.user("reader-" + java.util.UUID.randomUUID())).apiToken();
		HttpResponse<String> summary = get("/api/v2/summary.json", "X-Cachet-Token", token);
		assertThat(summary.statusCode()).isEqualTo(200);
		assertThat(summary.body()).contains("Slow logins");

		this.settings.set("always_authenticate", "0");
		for (String path : concat(documents, data)) {
			assertThat(get(path).statusCode()).as(path).isIn(200, 404);
		}
		assertThat(get("/").headers().firstValue("Cache-Control").orElse("")).startsWith("public");
	}

	@Test
	void allowedDomainsDecideWhichSitesMayReadTheApi() {
		this.settings.set("allowed_domains", "https://allowed.example, partner.example");

		assertThat(allowOrigin(get("/api/v1/components", "Origin", "https://allowed.example")))
			.isEqualTo("https://allowed.example");
		assertThat(allowOrigin(get("/api/v1/components", "Origin", "http://partner.example")))
			.isEqualTo("http://partner.example");
		HttpResponse<String> evil = get("/api/v1/components", "Origin", "https://evil.example");
		assertThat(evil.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
		assertThat(allowOrigin(get("/api/v2/summary.json", "Origin", "https://allowed.example")))
			.isEqualTo("https://allowed.example");
		HttpResponse<String> evilSummary = get("/api/v2/summary.json", "Origin", "https://evil.example");
		assertThat(evilSummary.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
		assertThat(evilSummary.headers().allValues("Vary")).anyMatch((vary) -> vary.contains("Origin"));

		HttpResponse<String> preflight = preflight("/api/v1/incidents", "https://allowed.example");
		assertThat(preflight.statusCode()).isEqualTo(200);
		assertThat(allowOrigin(preflight)).isEqualTo("https://allowed.example");
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("")).contains("POST");
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase())
			.contains("x-cachet-token");
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
		HttpResponse<String> evilPreflight = preflight("/api/v1/incidents", "https://evil.example");
		assertThat(evilPreflight.statusCode()).isEqualTo(403);
		assertThat(evilPreflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
		assertThat(preflight("/api/v2/summary.json", "https://evil.example").statusCode()).isEqualTo(403);

		// empty, as in Cachet: the page's own address only
		this.settings.set("allowed_domains", "");
		assertThat(allowOrigin(get("/api/v1/components", "Origin", "https://status.acme.test")))
			.isEqualTo("https://status.acme.test");
		assertThat(get("/api/v1/components", "Origin", "https://allowed.example").headers()
			.firstValue("Access-Control-Allow-Origin")).isEmpty();
		assertThat(get("/api/v2/summary.json", "Origin", "https://allowed.example").headers()
			.firstValue("Access-Control-Allow-Origin")).isEmpty();

		this.settings.set("allowed_domains", "*");
		assertThat(allowOrigin(get("/api/v2/summary.json", "Origin", "https://anyone.example"))).isEqualTo("*");
	}

	private static void assertBrowserHeaders(HttpResponse<String> response, String policy) {
		String path = response.uri().getPath();
		assertThat(response.headers().allValues("Content-Security-Policy")).as(path).containsExactly(policy);
		assertThat(response.headers().allValues("X-Content-Type-Options")).as(path).containsExactly("nosniff");
		assertThat(response.headers().allValues("Referrer-Policy")).as(path)
			.containsExactly("strict-origin-when-cross-origin");
		assertThat(policy).doesNotContain("'unsafe-eval'").doesNotContain("script-src 'self' 'unsafe-inline'");
	}

	private static void assertNoInlineScript(String path, String html) {
		Document page = Jsoup.parse(html);
		assertThat(page.select("script:not([src])")).as("inline scripts in %s", path).isEmpty();
		assertThat(page.getAllElements()
			.stream()
			.flatMap((element) -> element.attributes().asList().stream())
			.filter((attribute) -> attribute.getKey().toLowerCase().startsWith("on")
					|| attribute.getValue().strip().toLowerCase().startsWith("javascript:"))
			.map((attribute) -> attribute.getKey() + "=" + attribute.getValue())
			.toList()).as("inline event handlers in %s", path).isEmpty();
	}

	private static String csp(HttpResponse<String> response) {
		return response.headers().firstValue("Content-Security-Policy").orElse("");
	}

	private static String allowOrigin(HttpResponse<String> response) {
		return response.headers().firstValue("Access-Control-Allow-Origin").orElse("");
	}

	private static List<String> concat(List<String> first, List<String> second) {
		return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
	}

	private HttpResponse<String> get(String path, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return send(request.GET().build());
	}

	private HttpResponse<String> head(String path) {
		return send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.method("HEAD", HttpRequest.BodyPublishers.noBody())
			.build());
	}

	private HttpResponse<String> preflight(String path, String origin) {
		return send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
			.header("Origin", origin)
			.header("Access-Control-Request-Method", "POST")
			.header("Access-Control-Request-Headers", "X-Cachet-Token, Content-Type")
			.build());
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
