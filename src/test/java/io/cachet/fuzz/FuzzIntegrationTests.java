package io.cachet.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import io.cachet.IsolatedIntegrationTest;
import io.cachet.HandlerRoutes;
import io.cachet.TestUsers;
import io.cachet.dashboard.FormClient;
import io.cachet.fuzz.FuzzHttp.Answer;
import io.cachet.fuzz.FuzzHttp.Request;
import io.cachet.fuzz.RouteModel.Kind;
import io.cachet.settings.SettingsService;
import io.cachet.user.UserService;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.api.SoftAssertions;

/**
 * Fuzzes the running application over real HTTP: every {@code /api/v1} route, the public
 * routes ({@code /api/v2}, the page, feeds, badges, subscribe, login) and every dashboard
 * form, with valid requests mutated by {@link Mutator} (hostile values from
 * {@link Hostile}, broken encodings, hostile query parameters and path ids). It asserts
 * that no answer is a 5xx, none takes longer than {@value #SLOW_MILLIS} ms, and that a
 * refused write leaves the affected lists exactly as they were (no partial write).
 * <p>
 * Design: a seeded {@link Random} in plain JUnit rather than jqwik. The properties need
 * one booted application with fixtures whose state carries from request to request (a
 * partial write is only visible against the state before it), which jqwik's per-try
 * lifecycle and its lack of a Spring extension make awkward; shrinking would not help
 * much either, since a failing request is printed whole. Each route gets its own
 * {@code Random(seed ^ route.hashCode())}, so adding a route does not change the requests
 * sent to the others.
 * <p>
 * <b>Reproducing a failure:</b> the report prints the seed and each failing request
 * (method, path, mutation, content type, body prefix). Run
 * {@code ./mvnw test -Dtest=FuzzIntegrationTests -Dfuzz.seed=<seed>} to send the same
 * requests again; {@code -Dfuzz.rounds=<n>} scales the number of requests per route
 * (default 25) and {@code -Dfuzz.seed=random} picks a new seed.
 * <p>
 * Coverage: the routes come from the application's {@link RequestMappingHandlerMapping};
 * an {@code /api/v1} or public route without a model in {@link ApiModels} fails
 * {@link #everyRouteHasAFuzzModel()}, and a dashboard route that no discovered form or
 * page reached fails {@link #dashboardFormsAndPagesSurviveHostileInput()}.
 */
@IsolatedIntegrationTest(properties = { "cachet.admin.username=fuzzadmin", "cachet.admin.email=fuzzadmin@example.com",
		"cachet.admin.password=" + FuzzIntegrationTests.PASSWORD,
		"cachet.admin.api-token=" + FuzzIntegrationTests.TOKEN, "cachet.upstreams.tick=100ms",
		"cachet.notifications.max-attempts=1", "cachet.notifications.poll-interval=100ms" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FuzzIntegrationTests {

	static final String TOKEN = "fuzz-admin-token-0123456789abcdef";

	static final String PASSWORD = "correct horse battery staple";

	static final long SLOW_MILLIS = 2_000;

	private static final long SEED = seed();

	private static final int ROUNDS = Integer.getInteger("fuzz.rounds", 25);

	/**
	 * Defects other branches are fixing: a 5xx from a request that matches one of these
	 * is counted and reported as known, not failed. Empty since trust-input and
	 * trust-templates were merged; add an entry (name the defect and its branch) only for
	 * a defect someone else is fixing, and remove it when the fix is merged.
	 */
	static final Map<String, java.util.function.Predicate<Request>> KNOWN = new LinkedHashMap<>();

	@LocalServerPort
	int port;

	@Value("${cachet.api.rate-limit}")
	int rateLimit;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping handlerMapping;

	@Autowired
	UserService users;

	@Autowired
	SettingsService settings;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	private FuzzHttp http;

	private FakeUpstream upstream;

	private long adminId;

	private Fixtures fixtures;

	private final Stats stats = new Stats();

	private final long started = System.nanoTime();

	@BeforeAll
	void createFixtures() throws java.io.IOException {
		this.http = new FuzzHttp(this.port);
		this.upstream = new FakeUpstream();
		this.fixtures = new Fixtures(this.http, TOKEN).create(this.upstream.baseUrl());
		// a deactivated user, so that the team page has an "activate" form
		long other = this.users.createUser(TestUsers.user("fuzz-inactive")).user().id();
		this.users.setActive(other, false);
		this.settings.set("enable_subscribers", "1");
		this.adminId = this.users.findByLogin("fuzzadmin").orElseThrow().id();
		System.out.println("FUZZ seed=" + SEED + " rounds=" + ROUNDS + " (rerun: -Dfuzz.seed=" + SEED + ")");
	}

	@AfterAll
	void report() {
		this.upstream.close();
		System.out.println(this.stats.summary(SEED, (System.nanoTime() - this.started) / 1_000_000));
	}

	@Test
	@Order(1)
	void everyRouteHasAFuzzModel() {
		// with the API's rate limit on, the fuzzer would test the limiter (429), not the
		// routes
		assertThat(this.rateLimit).as("cachet.api.rate-limit in tests").isZero();
		Set<String> modelled = new TreeSet<>();
		ApiModels.api(this.fixtures).forEach((model) -> modelled.add(model.key()));
		ApiModels.publicRoutes(this.fixtures).forEach((model) -> modelled.add(model.key()));
		Set<String> missing = new TreeSet<>();
		for (String route : routes()) {
			if (!route.contains(" /dashboard") && !modelled.contains(route)) {
				missing.add(route);
			}
		}
		assertThat(missing).as("routes without a fuzz model: add one to ApiModels").isEmpty();
	}

	@Test
	@Order(2)
	void apiSurvivesHostileInput() {
		List<String> failures = new ArrayList<>();
		for (RouteModel model : ApiModels.api(this.fixtures)) {
			fuzz(model, Map.of("X-Cachet-Token", TOKEN), ROUNDS, failures);
		}
		assertThat(failures).as(failureHeader()).isEmpty();
	}

	@Test
	@Order(3)
	void dashboardFormsAndPagesSurviveHostileInput() {
		FormClient browser = new FormClient(this.port);
		browser.logIn("fuzzadmin", PASSWORD);
		String session = browser.cookie("JSESSIONID").orElseThrow().getValue();
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Cookie", "JSESSIONID=" + session);
		this.dashboardCookie = headers.get("Cookie");
		List<String> failures = new ArrayList<>();
		Set<String> pages = new LinkedHashSet<>();
		List<DashboardForms.Form> forms = DashboardForms.discover((path) -> {
			Request request = Request.of("GET", path, null, null, "crawl");
			headers.forEach(request::header);
			return this.http.send(request);
		}, (page) -> {
			pages.add(page.getKey());
			check(Request.of("GET", page.getKey(), null, null, "crawl"), page.getValue(), failures);
		}, List.of("/dashboard", "/dashboard/notifications/" + this.fixtures.id("failedNotification")), 200);
		String csrf = forms.stream()
			.map((form) -> form.fields().get("_csrf"))
			.filter((token) -> token != null)
			.findFirst()
			.orElseThrow();
		headers.put("X-CSRF-TOKEN", csrf);
		Set<String> reached = new TreeSet<>();
		for (String page : pages) {
			reached.add("GET " + page.replaceAll("\\?.*", ""));
			fuzz(new RouteModel("GET", page, page, null, List.of(), null, Kind.READ), headers, ROUNDS / 3, failures);
		}
		for (DashboardForms.Form form : forms) {
			reached.add("POST " + form.action().replaceAll("\\?.*", ""));
			if (DashboardForms.skipReason(form.action()) != null) {
				continue;
			}
			Map<String, @Nullable Object> body = new LinkedHashMap<>(form.fields());
			body.remove("_csrf");
			headers.put("X-CSRF-TOKEN", csrfToken(form.page(), headers));
			RouteModel model = new RouteModel("POST", form.action(), form.action(), body, affected(form.action()), null,
					Kind.FORM);
			fuzz(model, headers, ROUNDS, failures);
		}
		Set<String> unreached = new TreeSet<>();
		for (String route : routes()) {
			if (route.contains(" /dashboard") && !reachedByPattern(reached, route)
					&& DashboardForms.skipReason(route.substring(route.indexOf(' ') + 1).replace("{}", "1")) == null) {
				unreached.add(route);
			}
		}
		System.out.println("FUZZ dashboard: " + pages.size() + " pages, " + forms.size() + " forms"
				+ (Boolean.getBoolean("fuzz.verbose")
						? ": " + pages + " " + forms.stream().map(DashboardForms.Form::action).toList() : ""));
		SoftAssertions.assertSoftly((softly) -> {
			softly.assertThat(failures).as(failureHeader()).isEmpty();
			softly.assertThat(unreached).as("dashboard routes no crawled page or form reached").isEmpty();
		});
	}

	@Test
	@Order(4)
	void publicRoutesSurviveHostileInput() {
		// the dashboard's fuzzing may have saved a settings form that turned it off
		this.settings.set("enable_subscribers", "1");
		// a visitor's session and CSRF token, as the subscribe page gives them
		FormClient visitor = new FormClient(this.port);
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(visitor.get("/subscribe").body());
		assertThat(token.find()).as("the subscribe page has a CSRF token").isTrue();
		Map<String, String> headers = Map.of("Cookie",
				"JSESSIONID=" + visitor.cookie("JSESSIONID").orElseThrow().getValue(), "X-CSRF-TOKEN", token.group(1));
		List<String> failures = new ArrayList<>();
		for (RouteModel model : ApiModels.publicRoutes(this.fixtures)) {
			fuzz(model, model.writes() ? headers : Map.of(), ROUNDS, failures);
		}
		assertThat(failures).as(failureHeader()).isEmpty();
	}

	@Test
	@Order(5)
	void theNotificationQueueDrainsAfterwards() {
		// a write the fuzz accepted and undid at once (an incident created and deleted)
		// must not leave a notification that the worker can never fan out
		long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
		long pending;
		do {
			pending = this.jdbc.sql("SELECT COUNT(*) FROM notifications WHERE state IN ('pending', 'fanning')")
				.query(Long.class)
				.single();
		}
		while (pending > 0 && System.nanoTime() < deadline && pause());
		assertThat(pending).as("notifications still waiting to be fanned out 30 s after the fuzzing").isZero();
	}

	private static boolean pause() {
		try {
			Thread.sleep(200);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static boolean reachedByPattern(Set<String> reached, String route) {
		// {section} and similar non-numeric variables: any concrete page of that shape
		String regex = Pattern.quote(route).replace("{}", "\\E[^/]+\\Q");
		return reached.stream().anyMatch((path) -> path.matches(regex));
	}

	private void fuzz(RouteModel model, Map<String, String> headers, int rounds, List<String> failures) {
		Random random = new Random(SEED ^ model.key().hashCode());
		Mutator mutator = new Mutator(random, headers);
		// the state before a request; after a refused write it is the state after it too
		Map<String, String> before = null;
		for (int i = 0; i < rounds; i++) {
			Request request = mutator.mutate(model);
			headers.forEach((name, value) -> request.headers().putIfAbsent(name, value));
			if (model.writes() && before == null) {
				before = snapshot(model.affected());
			}
			Answer answer = this.http.send(request);
			this.stats.record(model, request, answer);
			check(request, answer, failures);
			if (!model.writes()) {
				continue;
			}
			if (!refused(model, answer, headers)) {
				undo(model, answer);
				before = null;
				continue;
			}
			Map<String, String> after = snapshot(model.affected());
			for (String list : before.keySet()) {
				if (!before.get(list).equals(after.get(list))) {
					this.stats.partialWrites++;
					failures.add("PARTIAL WRITE in " + list + " after " + answer.status() + " to " + request.describe()
							+ "\n    " + difference(before.get(list), after.get(list)));
				}
			}
			before = after;
		}
	}

	/**
	 * Whether a write was refused. An API write is refused with a 4xx; a page's form is
	 * refused when it comes back (200 or 4xx) or redirects to a page that shows an error.
	 */
	private boolean refused(RouteModel model, Answer answer, Map<String, String> headers) {
		if (model.kind() != Kind.FORM && model.kind() != Kind.PUBLIC_FORM) {
			return answer.status() >= 400;
		}
		if (answer.status() != 302 && answer.status() != 303) {
			return true;
		}
		if (answer.location().contains("/auth/login") && model.kind() == Kind.FORM) {
			// a new username ends the session by design (ProfileController)
			this.stats.sessionsEnded++;
			logInAgain(headers);
			return false;
		}
		if (answer.location().isBlank()) {
			return false;
		}
		Request next = Request.of("GET", answer.location().replaceFirst("^https?://[^/]+", ""), null, null, "redirect");
		headers.forEach(next::header);
		this.stats.checks++;
		Answer page = this.http.send(next);
		return org.jsoup.Jsoup.parse(page.body()).selectFirst(".notice.error, .error[role=alert]") != null;
	}

	/** Restores the fuzzing admin's name and address and logs in again. */
	private void logInAgain(Map<String, String> headers) {
		this.users.changeProfile(this.adminId, "fuzzadmin", "fuzzadmin@example.com");
		FormClient browser = new FormClient(this.port);
		browser.logIn("fuzzadmin", PASSWORD);
		headers.put("Cookie", "JSESSIONID=" + browser.cookie("JSESSIONID").orElseThrow().getValue());
		this.dashboardCookie = headers.get("Cookie");
		headers.put("X-CSRF-TOKEN", csrfToken("/dashboard/user", headers));
	}

	private String csrfToken(String page, Map<String, String> headers) {
		Request request = Request.of("GET", page, null, null, "csrf");
		headers.forEach((name, value) -> {
			if (name.equals("Cookie")) {
				request.header(name, value);
			}
		});
		this.stats.checks++;
		Matcher token = CSRF.matcher(this.http.send(request).body());
		if (!token.find()) {
			throw new IllegalStateException("no CSRF token on " + page);
		}
		return token.group(1);
	}

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private void check(Request request, Answer answer, List<String> failures) {
		String known = KNOWN.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().test(request))
			.map(Map.Entry::getKey)
			.findFirst()
			.orElse(null);
		if (answer.status() >= 500 || answer.status() <= 0) {
			if (known != null) {
				this.stats.known.merge(known, 1, Integer::sum);
				return;
			}
			this.stats.serverErrors++;
			failures.add(answer.status() + " to " + request.describe() + "\n    answer: "
					+ Mutator.abbreviate(answer.body().replace("\n", " "), 400));
		}
		else if (answer.millis() > SLOW_MILLIS) {
			failures.add("SLOW (" + answer.millis() + " ms) " + answer.status() + " to " + request.describe());
		}
	}

	private void undo(RouteModel model, Answer answer) {
		if (model.undo() == null) {
			return;
		}
		String[] undo = model.undo().split(" ", 2);
		if (undo[0].equals("DELETE")) {
			Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(answer.body());
			if (id.find()) {
				call("DELETE", undo[1].replace("{new}", id.group(1)), null);
			}
		}
		else {
			call("PUT", undo[1], Encodings.json(model.body()));
		}
	}

	private Map<String, String> snapshot(List<String> lists) {
		Map<String, String> snapshot = new TreeMap<>();
		for (String list : lists) {
			Answer answer = call("GET", list + (list.startsWith("/api/") ? "?per_page=1000" : ""), null);
			snapshot.put(list,
					answer.status() + " " + (list.startsWith("/api/") ? answer.body() : pageContent(answer.body())));
		}
		return snapshot;
	}

	/**
	 * A dashboard page without what changes from one rendering to the next: the (masked)
	 * CSRF token and the flash message of the previous action.
	 */
	private static String pageContent(String html) {
		org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(html);
		page.select("input[name=_csrf], meta[name^=_csrf], .notice").remove();
		org.jsoup.nodes.Element main = page.selectFirst("main");
		return (main != null) ? main.outerHtml() : page.outerHtml();
	}

	private Answer call(String method, String path, @Nullable String json) {
		Request request = Request.of(method, path, (json != null) ? "application/json" : null, json, "check")
			.header("X-Cachet-Token", TOKEN);
		if (this.dashboardCookie != null && path.startsWith("/dashboard")) {
			request.header("Cookie", this.dashboardCookie);
		}
		this.stats.checks++;
		Answer answer = this.http.send(request);
		this.stats.checkMillis += answer.millis();
		return answer;
	}

	private @Nullable String dashboardCookie;

	/** The lists (API reads, or the form's own page) a dashboard form may change. */
	private List<String> affected(String action) {
		Map<String, List<String>> byPrefix = new LinkedHashMap<>();
		byPrefix.put("/dashboard/components", List.of("/api/v1/components", "/api/v1/components/groups"));
		byPrefix.put("/dashboard/incidents", List.of("/api/v1/incidents", "/api/v1/components",
				"/api/v1/incidents/" + this.fixtures.id("incident") + "/updates"));
		byPrefix.put("/dashboard/schedule", List.of("/api/v1/schedules", "/api/v1/components"));
		byPrefix.put("/dashboard/metrics",
				List.of("/api/v1/metrics", "/api/v1/metrics/" + this.fixtures.id("metric") + "/points"));
		byPrefix.put("/dashboard/subscribers", List.of("/api/v1/subscribers"));
		byPrefix.put("/dashboard/templates", List.of("/api/v1/incidents/templates"));
		byPrefix.put("/dashboard/webhooks", List.of("/api/v1/webhooks"));
		byPrefix.put("/dashboard/monitors", List.of("/api/v1/monitors", "/api/v1/components"));
		byPrefix.put("/dashboard/upstreams", List.of("/api/v1/upstreams", "/api/v1/components"));
		byPrefix.put("/dashboard/settings/", List.of(action.replaceAll("^(/dashboard/settings/[a-z-]+).*", "$1")));
		byPrefix.put("/dashboard/team", List.of("/dashboard/team"));
		byPrefix.put("/dashboard/user", List.of("/dashboard/user"));
		return byPrefix.entrySet()
			.stream()
			.filter((entry) -> action.startsWith(entry.getKey()))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(List.of());
	}

	private List<String> routes() {
		List<String> routes = new ArrayList<>();
		for (HandlerRoutes.Route route : HandlerRoutes.of(this.handlerMapping)) {
			if (!route.pattern().equals("/error")) {
				routes.add(route.method() + " " + RouteModel.normalize(route.pattern()));
			}
		}
		return routes;
	}

	private static String difference(String before, String after) {
		int at = 0;
		while (at < Math.min(before.length(), after.length()) && before.charAt(at) == after.charAt(at)) {
			at++;
		}
		int from = Math.max(0, at - 80);
		return "before: …" + Mutator.abbreviate(before.substring(from), 240) + "\n    after:  …"
				+ Mutator.abbreviate(after.substring(Math.min(from, after.length())), 240);
	}

	private static String failureHeader() {
		return "fuzz failures (seed " + SEED + ", rerun with -Dfuzz.seed=" + SEED + ")";
	}

	private static long seed() {
		String seed = System.getProperty("fuzz.seed", "20261201");
		return seed.equals("random") ? new Random().nextLong() : Long.parseLong(seed);
	}

	/** Figures for the report. */
	static final class Stats {

		int requests;

		int checks;

		long checkMillis;

		int serverErrors;

		int partialWrites;

		int sessionsEnded;

		long slowestMillis;

		String slowest = "";

		final Map<String, Integer> known = new TreeMap<>();

		final Map<Integer, Integer> statuses = new TreeMap<>();

		final Map<String, Integer> examples = new TreeMap<>();

		final Map<String, Long> millisByKind = new TreeMap<>();

		void record(RouteModel model, Request request, Answer answer) {
			this.requests++;
			this.statuses.merge(answer.status(), 1, Integer::sum);
			this.examples.merge(
					answer.status() + " " + model.kind() + " " + request.mutation().replaceAll("[=:].*", ""), 1,
					Integer::sum);
			this.millisByKind.merge(model.kind() + " " + request.mutation().replaceAll("[=:].*", ""), answer.millis(),
					Long::sum);
			if (String.valueOf(answer.status()).equals(System.getProperty("fuzz.trace"))) {
				System.out.println("FUZZ trace " + answer.status() + " " + request.describe());
			}
			if (answer.millis() > this.slowestMillis) {
				this.slowestMillis = answer.millis();
				this.slowest = request.describe();
			}
		}

		String summary(long seed, long millis) {
			return "FUZZ seed=" + seed + ": " + this.requests + " requests (+" + this.checks
					+ " snapshot/undo requests, " + this.checkMillis + " ms) in " + millis + " ms; statuses "
					+ this.statuses + "; 5xx: " + this.serverErrors + "; partial writes: " + this.partialWrites
					+ "; known defects: " + this.known + "; slowest " + this.slowestMillis + " ms: "
					+ Mutator.abbreviate(this.slowest, 300)
					+ (Boolean.getBoolean("fuzz.verbose") ? "\n" + this.examples + "\n" + this.millisByKind : "");
		}

	}

}
