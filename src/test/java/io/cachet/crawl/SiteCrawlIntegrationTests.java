package io.cachet.crawl;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

import io.cachet.DemoSiteTest;
import io.cachet.crawl.SiteCrawler.Result;
import io.cachet.crawl.SiteCrawler.Visit;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole product walked over real HTTP with the demo data on a fresh database: from
 * {@code /} as a visitor, then from {@code /dashboard} signed in (through the real login
 * form) as the demo admin and as the demo level-2 user. Every page and resource answers
 * without a 4xx or 5xx (but 403 for the level-2 user on the admin pages, which the admin
 * gets), and every HTML page passes {@link HtmlChecks} and {@link CspChecks}. The figures
 * are printed and written to {@code target/crawl-report.txt}.
 */
@DemoSiteTest
@TestInstance(Lifecycle.PER_CLASS)
class SiteCrawlIntegrationTests {

	private static final int CAP = 2000;

	/** The pages only admins may open (DashboardSecurityConfiguration). */
	private static final Pattern ADMIN_PAGES = Pattern
		.compile("/dashboard/(settings|team|webhooks|upstreams|monitors)(/.*)?");

	private static final Path REPORT = Path.of("target", "crawl-report.txt");

	@LocalServerPort
	int port;

	URI base;

	Result adminCrawl;

	@BeforeAll
	void startReport() throws IOException {
		this.base = URI.create("http://localhost:" + this.port + "/");
		Files.createDirectories(REPORT.getParent());
		Files.writeString(REPORT, "");
		// The public page is rebuilt in the background after the seeding, and a snapshot
		// taken in the middle of it has only some of what was seeded: wait for both an
		// incident and the maintenance (seeded before the incidents) to be on it.
		HttpClient http = client();
		await().atMost(Duration.ofSeconds(60)).until(() -> {
			String page = http.send(HttpRequest.newBuilder(this.base).build(), HttpResponse.BodyHandlers.ofString())
				.body();
			return page.contains("Checkout errors for some cards") && page.contains("/schedules/");
		});
	}

	/**
	 * The admin's crawl, made once: two tests look at it.
	 */
	private synchronized Result adminCrawl() throws IOException, InterruptedException {
		if (this.adminCrawl == null) {
			this.adminCrawl = new SiteCrawler(signedIn("admin@example.com", "demo-admin-password"), this.base, CAP)
				.crawl("/dashboard");
			report("admin from /dashboard", this.adminCrawl);
		}
		return this.adminCrawl;
	}

	@Test
	void aVisitorReachesEveryPageFromTheStatusPage() throws Exception {
		Result result = new SiteCrawler(client(), this.base, CAP).crawl("/");
		report("visitor from /", result);
		assertThat(result.truncated()).as("the crawl stopped at the cap").isFalse();
		assertThat(failures(result, (visit) -> false)).isEmpty();
		assertThat(result.htmlPages()).isGreaterThan(10);
		assertThat(paths(result)).contains("/incidents/1", "/subscribe", "/schedules/1", "/rss");
	}

	@Test
	void theAdminReachesEveryPageFromTheDashboard() throws Exception {
		Result result = adminCrawl();
		assertThat(result.truncated()).as("the crawl stopped at the cap").isFalse();
		assertThat(failures(result, (visit) -> false)).isEmpty();
		assertThat(paths(result)).contains("/dashboard/settings", "/dashboard/team", "/dashboard/monitors",
				"/dashboard/upstreams", "/dashboard/webhooks");
	}

	@Test
	void theLevel2UserReachesEveryPageButTheAdminOnes() throws Exception {
		HttpClient operator = signedIn("operator@example.com", "demo-user-password");
		Result result = new SiteCrawler(operator, this.base, CAP).crawl("/dashboard");
		report("level-2 user from /dashboard", result);
		assertThat(result.truncated()).as("the crawl stopped at the cap").isFalse();
		assertThat(failures(result, this::forbiddenToUsers)).isEmpty();
		assertThat(paths(result)).contains("/dashboard/incidents", "/dashboard/components", "/dashboard/metrics");

		// Every admin page the admin can reach is closed to the level-2 user, and opens
		// for the admin: the 403s above are the role, not a broken page.
		HttpClient admin = signedIn("admin@example.com", "demo-admin-password");
		List<URI> adminOnly = adminCrawl().visits()
			.stream()
			.map(Visit::uri)
			.filter((uri) -> ADMIN_PAGES.matcher(uri.getRawPath()).matches())
			.toList();
		assertThat(adminOnly).hasSizeGreaterThan(5);
		// the refusal is a page that says why, not Spring Boot's fallback
		assertThat(body(operator, adminOnly.get(0))).contains("kept for administrators").doesNotContain("Whitelabel");
		for (URI uri : adminOnly) {
			assertThat(status(operator, uri)).as("%s for the level-2 user", uri).isEqualTo(403);
			// 200, or a redirect to the first section (/dashboard/settings)
			assertThat(status(admin, uri)).as("%s for the admin", uri).isBetween(200, 399);
		}
		result.visits()
			.stream()
			.filter((visit) -> visit.status() == 403)
			.forEach((visit) -> assertThat(adminOnly).as("a 403 page the admin never reached").contains(visit.uri()));
	}

	private boolean forbiddenToUsers(Visit visit) {
		return visit.status() == 403 && ADMIN_PAGES.matcher(visit.uri().getRawPath()).matches();
	}

	private static List<String> failures(Result result, java.util.function.Predicate<Visit> allowed) {
		List<String> failures = new ArrayList<>();
		for (Visit visit : result.visits()) {
			if (visit.status() >= 400 && !allowed.test(visit)) {
				failures.add(visit.status() + " " + visit.uri().getPath() + " (linked from " + from(visit) + ")");
			}
			for (String problem : visit.problems()) {
				failures.add(visit.uri().getPath() + " " + problem);
			}
		}
		return failures;
	}

	private static String from(Visit visit) {
		return (visit.from() != null) ? visit.from().getPath() : "the start";
	}

	private static List<String> paths(Result result) {
		return result.visits().stream().map((visit) -> visit.uri().getPath()).toList();
	}

	private void report(String crawl, Result result) throws IOException {
		Map<Integer, Long> statuses = result.visits()
			.stream()
			.collect(Collectors.groupingBy(Visit::status, TreeMap::new, Collectors.counting()));
		String summary = String.format(
				"Crawl as %s: %d addresses visited (%d HTML pages), statuses %s, "
						+ "%d destructive links not followed%s%n",
				crawl, result.visits().size(), result.htmlPages(), statuses, result.skipped().size(),
				result.truncated() ? ", STOPPED AT THE CAP" : "");
		StringBuilder details = new StringBuilder(summary);
		result.visits()
			.forEach((visit) -> details.append("  ")
				.append(visit.status())
				.append(' ')
				.append(visit.uri().getRawPath())
				.append((visit.uri().getRawQuery() != null) ? "?" + visit.uri().getRawQuery() : "")
				.append(visit.problems().isEmpty() ? "" : "  " + visit.problems())
				.append(System.lineSeparator()));
		System.out.print(summary);
		Files.writeString(REPORT, details, java.nio.file.StandardOpenOption.APPEND);
	}

	private static HttpClient client() {
		return HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	/**
	 * Logs in with the real form, CSRF token included, as a browser does.
	 */
	private HttpClient signedIn(String login, String password) throws IOException, InterruptedException {
		HttpClient http = client();
		String form = http
			.send(HttpRequest.newBuilder(this.base.resolve("/auth/login")).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		String csrf = Jsoup.parse(form).select("form[action$=/auth/login] input[name=_csrf]").attr("value");
		assertThat(csrf).as("the login form's CSRF token").isNotEmpty();
		String body = "username=" + encode(login) + "&password=" + encode(password) + "&_csrf=" + encode(csrf);
		HttpResponse<String> answer = http.send(HttpRequest.newBuilder(this.base.resolve("/auth/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		String location = answer.headers().firstValue("Location").orElse("");
		// The demo users have no second factor; one forced on them would show here.
		assertThat(location).as("where the login of %s leads", login).doesNotContain("error").doesNotContain("2fa");
		assertThat(answer.statusCode()).isEqualTo(302);
		return http;
	}

	private static int status(HttpClient http, URI uri) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private static String body(HttpClient http, URI uri) throws IOException, InterruptedException {
		return http
			.send(HttpRequest.newBuilder(uri).header("Accept", "text/html").build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
