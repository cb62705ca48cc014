package io.cachet;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import io.cachet.dashboard.FormClient;
import io.cachet.user.UserService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every route of the API ({@code /api/v1}, {@code /api/v2}) and of the dashboard, called
 * over real HTTP by each kind of caller, with the outcome the {@link #TABLE} expects.
 * <p>
 * The routes come from the application's {@link RequestMappingHandlerMapping} (and, for
 * {@code /api/v2}, which a filter serves, from the statuspage module's list of paths), so
 * a route added later without a line in the table fails
 * {@link #eachRouteAnswersEachCallerAsTheTableSays}; a line naming no route fails
 * {@link #theTableNamesOnlyRoutesThatExist}.
 * <p>
 * Each access class gives the outcome for the five callers: a guest, a level-2 user's
 * token, an admin's token, a level-2 user's dashboard session, an admin's dashboard
 * session. A caller without a dashboard login still has a session of its own and a CSRF
 * token (from the login page), so that what refuses it is the role check, not CSRF;
 * tokens are sent to dashboard routes and session cookies to API routes too, to show that
 * neither counts there.
 *
 * <pre>
 * access       guest   user token  admin token  user session  admin session
 * PUBLIC       allowed allowed     allowed      allowed       allowed
 * TOKEN        401     allowed     allowed      401           401
 * ADMIN_TOKEN  401     403         allowed      401           401
 * USER_PAGE    login   login       login        allowed       allowed
 * ADMIN_PAGE   login   login       login        403           allowed
 * </pre>
 *
 * "Allowed" is any answer but 401, 403 or the way to the login (ids in paths name nothing
 * and bodies are empty, so a 404 or 400 is expected and fine), and no 5xx.
 */
@CachetIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleMatrixIntegrationTests {

	/**
	 * The expected access of each route: method, path pattern (variables as {@code {}}),
	 * access class.
	 */
	static final String TABLE = """
			GET    /api/v1/ping                                   PUBLIC
			GET    /api/v1/version                                PUBLIC
			GET    /api/v1/status                                 PUBLIC
			GET    /api/v1/openapi.json                           PUBLIC
			GET    /api/v1/openapi.json.yaml                      PUBLIC
			GET    /api/v1/openapi.json/swagger-config            PUBLIC
			GET    /api/docs                                      PUBLIC
			GET    /api/v1/components                             PUBLIC
			GET    /api/v1/components/{}                          PUBLIC
			GET    /api/v1/components/{}/uptime                   PUBLIC
			POST   /api/v1/components                             TOKEN
			PUT    /api/v1/components/{}                          TOKEN
			DELETE /api/v1/components/{}                          TOKEN
			GET    /api/v1/components/groups                      PUBLIC
			GET    /api/v1/components/groups/{}                   PUBLIC
			POST   /api/v1/components/groups                      TOKEN
			PUT    /api/v1/components/groups/{}                   TOKEN
			DELETE /api/v1/components/groups/{}                   TOKEN
			GET    /api/v1/incidents                              PUBLIC
			GET    /api/v1/incidents/{}                           PUBLIC
			POST   /api/v1/incidents                              TOKEN
			PUT    /api/v1/incidents/{}                           TOKEN
			DELETE /api/v1/incidents/{}                           TOKEN
			GET    /api/v1/incidents/{}/updates                   PUBLIC
			GET    /api/v1/incidents/{}/updates/{}                PUBLIC
			POST   /api/v1/incidents/{}/updates                   TOKEN
			PUT    /api/v1/incidents/{}/updates/{}                TOKEN
			DELETE /api/v1/incidents/{}/updates/{}                TOKEN
			GET    /api/v1/incidents/templates                    PUBLIC
			GET    /api/v1/incidents/templates/{}                 PUBLIC
			POST   /api/v1/incidents/templates                    TOKEN
			PUT    /api/v1/incidents/templates/{}                 TOKEN
			DELETE /api/v1/incidents/templates/{}                 TOKEN
			GET    /api/v1/metrics                                PUBLIC
			GET    /api/v1/metrics/{}                             PUBLIC
			POST   /api/v1/metrics                                TOKEN
			PUT    /api/v1/metrics/{}                             TOKEN
			DELETE /api/v1/metrics/{}                             TOKEN
			GET    /api/v1/metrics/{}/points                      PUBLIC
			GET    /api/v1/metrics/{}/points/{}                   PUBLIC
			POST   /api/v1/metrics/{}/points                      TOKEN
			PUT    /api/v1/metrics/{}/points/{}                   TOKEN
			DELETE /api/v1/metrics/{}/points/{}                   TOKEN
			GET    /api/v1/schedules                              PUBLIC
			GET    /api/v1/schedules/{}                           PUBLIC
			POST   /api/v1/schedules                              TOKEN
			PUT    /api/v1/schedules/{}                           TOKEN
			DELETE /api/v1/schedules/{}                           TOKEN
			GET    /api/v1/subscribers                            TOKEN
			POST   /api/v1/subscribers                            TOKEN
			DELETE /api/v1/subscribers/{}                         TOKEN
			DELETE /api/v1/subscriptions/{}                       TOKEN
			GET    /api/v1/monitors                               ADMIN_TOKEN
			GET    /api/v1/monitors/{}                            ADMIN_TOKEN
			POST   /api/v1/monitors                               ADMIN_TOKEN
			PUT    /api/v1/monitors/{}                            ADMIN_TOKEN
			DELETE /api/v1/monitors/{}                            ADMIN_TOKEN
			GET    /api/v1/monitors/{}/results                    ADMIN_TOKEN
			GET    /api/v1/monitors/push/{}                       PUBLIC
			POST   /api/v1/monitors/push/{}                       PUBLIC
			GET    /api/v1/upstreams                              ADMIN_TOKEN
			GET    /api/v1/upstreams/{}                           ADMIN_TOKEN
			POST   /api/v1/upstreams                              ADMIN_TOKEN
			PUT    /api/v1/upstreams/{}                           ADMIN_TOKEN
			DELETE /api/v1/upstreams/{}                           ADMIN_TOKEN
			PUT    /api/v1/upstreams/{}/components/{}             ADMIN_TOKEN
			GET    /api/v1/webhooks                               ADMIN_TOKEN
			GET    /api/v1/webhooks/{}                            ADMIN_TOKEN
			POST   /api/v1/webhooks                               ADMIN_TOKEN
			PUT    /api/v1/webhooks/{}                            ADMIN_TOKEN
			DELETE /api/v1/webhooks/{}                            ADMIN_TOKEN
			GET    /api/v1/webhooks/{}/deliveries                 ADMIN_TOKEN
			GET    /api/v2/summary.json                           PUBLIC
			GET    /api/v2/status.json                            PUBLIC
			GET    /api/v2/components.json                        PUBLIC
			GET    /api/v2/incidents.json                         PUBLIC
			GET    /api/v2/incidents/unresolved.json              PUBLIC
			GET    /api/v2/scheduled-maintenances.json            PUBLIC
			GET    /api/v2/scheduled-maintenances/upcoming.json   PUBLIC
			GET    /api/v2/scheduled-maintenances/active.json     PUBLIC
			GET    /dashboard                                     USER_PAGE
			GET    /dashboard/audit                               USER_PAGE
			GET    /dashboard/components                          USER_PAGE
			GET    /dashboard/components/create                   USER_PAGE
			POST   /dashboard/components                          USER_PAGE
			GET    /dashboard/components/{}/edit                  USER_PAGE
			POST   /dashboard/components/{}                       USER_PAGE
			POST   /dashboard/components/{}/delete                USER_PAGE
			POST   /dashboard/components/{}/status                USER_PAGE
			POST   /dashboard/components/order                    USER_PAGE
			GET    /dashboard/components/groups/create            USER_PAGE
			POST   /dashboard/components/groups                   USER_PAGE
			GET    /dashboard/components/groups/{}/edit           USER_PAGE
			POST   /dashboard/components/groups/{}                USER_PAGE
			POST   /dashboard/components/groups/{}/delete         USER_PAGE
			GET    /dashboard/incidents                           USER_PAGE
			GET    /dashboard/incidents/create                    USER_PAGE
			POST   /dashboard/incidents                           USER_PAGE
			GET    /dashboard/incidents/{}                        USER_PAGE
			POST   /dashboard/incidents/{}                        USER_PAGE
			POST   /dashboard/incidents/{}/delete                 USER_PAGE
			POST   /dashboard/incidents/{}/updates                USER_PAGE
			POST   /dashboard/incidents/{}/updates/{}             USER_PAGE
			POST   /dashboard/incidents/{}/updates/{}/delete      USER_PAGE
			GET    /dashboard/schedule                            USER_PAGE
			GET    /dashboard/schedule/create                     USER_PAGE
			POST   /dashboard/schedule                            USER_PAGE
			GET    /dashboard/schedule/{}                         USER_PAGE
			POST   /dashboard/schedule/{}                         USER_PAGE
			POST   /dashboard/schedule/{}/delete                  USER_PAGE
			GET    /dashboard/metrics                             USER_PAGE
			GET    /dashboard/metrics/create                      USER_PAGE
			POST   /dashboard/metrics                             USER_PAGE
			GET    /dashboard/metrics/{}                          USER_PAGE
			POST   /dashboard/metrics/{}                          USER_PAGE
			POST   /dashboard/metrics/{}/points                   USER_PAGE
			POST   /dashboard/metrics/{}/delete                   USER_PAGE
			GET    /dashboard/templates                           USER_PAGE
			GET    /dashboard/templates/create                    USER_PAGE
			POST   /dashboard/templates                           USER_PAGE
			GET    /dashboard/templates/{}                        USER_PAGE
			POST   /dashboard/templates/{}/delete                 USER_PAGE
			GET    /dashboard/subscribers                         USER_PAGE
			POST   /dashboard/subscribers                         USER_PAGE
			POST   /dashboard/subscribers/{}/delete               USER_PAGE
			GET    /dashboard/notifications                       USER_PAGE
			GET    /dashboard/notifications/{}                    USER_PAGE
			POST   /dashboard/notifications/{}/retry              USER_PAGE
			POST   /dashboard/notifications/{}/deliveries/{}/retry USER_PAGE
			GET    /dashboard/user                                USER_PAGE
			POST   /dashboard/user/2fa/start                      USER_PAGE
			POST   /dashboard/user/2fa/confirm                    USER_PAGE
			POST   /dashboard/user/2fa/disable                    USER_PAGE
			POST   /dashboard/user/profile                        USER_PAGE
			POST   /dashboard/user/password                       USER_PAGE
			POST   /dashboard/user/api-token                      USER_PAGE
			GET    /dashboard/monitors                            ADMIN_PAGE
			GET    /dashboard/monitors/create                     ADMIN_PAGE
			POST   /dashboard/monitors                            ADMIN_PAGE
			GET    /dashboard/monitors/{}                         ADMIN_PAGE
			GET    /dashboard/monitors/{}/edit                    ADMIN_PAGE
			POST   /dashboard/monitors/{}/delete                  ADMIN_PAGE
			GET    /dashboard/webhooks                            ADMIN_PAGE
			GET    /dashboard/webhooks/create                     ADMIN_PAGE
			POST   /dashboard/webhooks                            ADMIN_PAGE
			GET    /dashboard/webhooks/{}                         ADMIN_PAGE
			POST   /dashboard/webhooks/{}/delete                  ADMIN_PAGE
			GET    /dashboard/upstreams                           ADMIN_PAGE
			POST   /dashboard/upstreams                           ADMIN_PAGE
			POST   /dashboard/upstreams/{}/delete                 ADMIN_PAGE
			POST   /dashboard/upstreams/{}/components/{}          ADMIN_PAGE
			GET    /dashboard/team                                ADMIN_PAGE
			POST   /dashboard/team                                ADMIN_PAGE
			POST   /dashboard/team/invite                         ADMIN_PAGE
			POST   /dashboard/team/{}/deactivate                  ADMIN_PAGE
			POST   /dashboard/team/{}/level                       ADMIN_PAGE
			POST   /dashboard/team/{}/activate                    ADMIN_PAGE
			GET    /dashboard/settings                            ADMIN_PAGE
			GET    /dashboard/settings/{}                         ADMIN_PAGE
			POST   /dashboard/settings/{}                         ADMIN_PAGE
			POST   /dashboard/settings/mail/test                  ADMIN_PAGE
			GET    /dashboard/settings/sign-in                    ADMIN_PAGE
			POST   /dashboard/settings/sign-in/test-ldap          ADMIN_PAGE
			GET    /dashboard/settings/backup                     ADMIN_PAGE
			GET    /dashboard/settings/backup/download            ADMIN_PAGE
			POST   /dashboard/settings/backup                     ADMIN_PAGE
			GET    /dashboard/settings/import                     ADMIN_PAGE
			POST   /dashboard/settings/import                     ADMIN_PAGE
			""";

	private static final String PASSWORD = "correct horse battery";

	/** Names nothing, so that no write of the matrix changes data. */
	private static final String NO_ID = "999999999";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	enum Caller {

		GUEST, USER_TOKEN, ADMIN_TOKEN, USER_SESSION, ADMIN_SESSION

	}

	enum Outcome {

		ALLOWED, UNAUTHORIZED, FORBIDDEN, LOGIN

	}

	enum Access {

		PUBLIC(Outcome.ALLOWED, Outcome.ALLOWED, Outcome.ALLOWED, Outcome.ALLOWED, Outcome.ALLOWED),

		TOKEN(Outcome.UNAUTHORIZED, Outcome.ALLOWED, Outcome.ALLOWED, Outcome.UNAUTHORIZED, Outcome.UNAUTHORIZED),

		ADMIN_TOKEN(Outcome.UNAUTHORIZED, Outcome.FORBIDDEN, Outcome.ALLOWED, Outcome.UNAUTHORIZED,
				Outcome.UNAUTHORIZED),

		USER_PAGE(Outcome.LOGIN, Outcome.LOGIN, Outcome.LOGIN, Outcome.ALLOWED, Outcome.ALLOWED),

		ADMIN_PAGE(Outcome.LOGIN, Outcome.LOGIN, Outcome.LOGIN, Outcome.FORBIDDEN, Outcome.ALLOWED);

		private final Outcome[] outcomes;

		Access(Outcome... outcomes) {
			this.outcomes = outcomes;
		}

		Outcome of(Caller caller) {
			return this.outcomes[caller.ordinal()];
		}

	}

	/** What a caller sends: its token header, its session cookie and CSRF token. */
	record Credentials(@Nullable String token, String session, String csrf) {
	}

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping handlerMapping;

	@Autowired
	UserService users;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private final Map<Caller, Credentials> credentials = new LinkedHashMap<>();

	@BeforeAll
	void createCallers() {
		TestUsers.ensureSetUp(this.users);
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String userToken = this.users.createUser(TestUsers.user("matrix-user-token-" + suffix)).apiToken();
		String adminToken = this.users.createUser(TestUsers.admin("matrix-admin-token-" + suffix)).apiToken();
		this.users.createUser(TestUsers.user("matrix-user-" + suffix));
		this.users.createUser(TestUsers.admin("matrix-admin-" + suffix));
		this.credentials.put(Caller.GUEST, anonymous(null));
		this.credentials.put(Caller.USER_TOKEN, anonymous(userToken));
		this.credentials.put(Caller.ADMIN_TOKEN, anonymous(adminToken));
		this.credentials.put(Caller.USER_SESSION, loggedIn("matrix-user-" + suffix));
		this.credentials.put(Caller.ADMIN_SESSION, loggedIn("matrix-admin-" + suffix));
	}

	@Test
	void theTableNamesOnlyRoutesThatExist() {
		Set<String> stale = new TreeSet<>(table().keySet());
		stale.removeAll(routes().keySet());
		assertThat(stale).as("lines of the table that name no route").isEmpty();
	}

	@ParameterizedTest(name = "{0} as {1}")
	@MethodSource("cases")
	void eachRouteAnswersEachCallerAsTheTableSays(String route, Caller caller) {
		Access access = table().get(route);
		if (access == null) {
			fail("No expectation for " + route + ": add a line to RoleMatrixIntegrationTests.TABLE");
		}
		String method = route.substring(0, route.indexOf(' '));
		String path = routes().get(route);
		HttpResponse<String> response = send(method, path, this.credentials.get(caller));
		Outcome expected = access.of(caller);
		String answer = response.statusCode() + " " + response.headers().firstValue("Location").orElse("") + " "
				+ abbreviate(response.body());
		switch (expected) {
			case ALLOWED -> {
				assertThat(response.statusCode()).as(answer).isNotIn(401, 403).isLessThan(500);
				assertThat(isLogin(response)).as(answer).isFalse();
			}
			case UNAUTHORIZED -> assertThat(response.statusCode()).as(answer).isEqualTo(401);
			case FORBIDDEN -> assertThat(response.statusCode()).as(answer).isEqualTo(403);
			case LOGIN -> assertThat(isLogin(response)).as("a redirect to the login, not " + answer).isTrue();
		}
		if (path.startsWith("/api/") && (expected == Outcome.UNAUTHORIZED || expected == Outcome.FORBIDDEN)) {
			assertThat(response.body()).as("Cachet's error envelope")
				.contains("\"errors\"")
				.contains("\"status\":" + response.statusCode());
		}
	}

	Stream<Arguments> cases() {
		return routes().keySet()
			.stream()
			.flatMap((route) -> Stream.of(Caller.values()).map((caller) -> Arguments.of(route, caller)));
	}

	/**
	 * @return the API and dashboard routes ({@code METHOD /pattern} with {@code {}} for
	 * variables) and a concrete path for each
	 */
	private Map<String, String> routes() {
		Map<String, String> routes = new TreeMap<>();
		for (HandlerRoutes.Route route : HandlerRoutes.of(this.handlerMapping)) {
			String pattern = route.pattern();
			if (pattern.startsWith("/api/") || pattern.equals("/dashboard") || pattern.startsWith("/dashboard/")) {
				routes.put(route.method() + " " + pattern.replaceAll("\\{[^}]*}", "{}"),
						pattern.replaceAll("\\{[^}]*}", NO_ID));
			}
		}
		statuspagePaths().forEach((path) -> routes.put("GET " + path, path));
		return routes;
	}

	/** The {@code /api/v2} paths, which a filter serves rather than a controller. */
	@SuppressWarnings("unchecked")
	private static Collection<String> statuspagePaths() {
		try {
			var field = Class.forName("io.cachet.statuspage.StatuspageJson").getDeclaredField("PATHS");
			field.setAccessible(true);
			return (Collection<String>) field.get(null);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("StatuspageJson.PATHS moved: update the role matrix", ex);
		}
	}

	private static Map<String, Access> table() {
		Map<String, Access> table = new TreeMap<>();
		TABLE.lines().map(String::strip).filter((line) -> !line.isEmpty()).forEach((line) -> {
			String[] parts = line.split("\\s+");
			table.put(parts[0] + " " + parts[1], Access.valueOf(parts[2]));
		});
		return table;
	}

	private HttpResponse<String> send(String method, String path, Credentials caller) {
		boolean api = path.startsWith("/api/");
		boolean body = !method.equals("GET") && !method.equals("DELETE");
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.method(method,
					body ? HttpRequest.BodyPublishers.ofString(api ? "{}" : "") : HttpRequest.BodyPublishers.noBody());
		if (!api || caller.token() == null) {
			// a token caller's API calls go without the cookie: an API error answered to
			// a
			// token rotates the id of a session sent along, which would cost the caller
			// its
			// CSRF token for the dashboard rows
			request.header("Cookie", "JSESSIONID=" + caller.session()).header("X-CSRF-TOKEN", caller.csrf());
		}
		if (body) {
			request.header("Content-Type", api ? "application/json" : "application/x-www-form-urlencoded");
		}
		if (api) {
			request.header("Accept", "application/json");
		}
		if (caller.token() != null) {
			request.header("X-Cachet-Token", caller.token());
		}
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(method + " " + path, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static boolean isLogin(HttpResponse<String> response) {
		return response.statusCode() == 302
				&& response.headers().firstValue("Location").orElse("").matches("(https?://[^/]+)?/auth/login");
	}

	/** A visitor's session and CSRF token, as the login page gives them. */
	private Credentials anonymous(@Nullable String token) {
		FormClient browser = new FormClient(this.port);
		String page = browser.get("/auth/login").body();
		return new Credentials(token, browser.cookie("JSESSIONID").orElseThrow().getValue(), csrf(page));
	}

	private Credentials loggedIn(String username) {
		FormClient browser = new FormClient(this.port);
		HttpResponse<String> login = browser.logIn(username, PASSWORD);
		assertThat(FormClient.location(login)).as("login of " + username).doesNotContain("error");
		// the CSRF token changes at login: take the new one from a page
		String page = browser.get("/dashboard/user").body();
		return new Credentials(null, browser.cookie("JSESSIONID").orElseThrow().getValue(), csrf(page));
	}

	private static String csrf(String page) {
		Matcher matcher = CSRF.matcher(page);
		assertThat(matcher.find()).as("a CSRF token on the page").isTrue();
		return matcher.group(1);
	}

	private static String abbreviate(String body) {
		String flat = body.replaceAll("\\s+", " ");
		return (flat.length() > 300) ? flat.substring(0, 300) + "…" : flat;
	}

}
