package io.cachet.dashboard;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.cachet.DashboardTest;
import io.cachet.TestUsers;
import io.cachet.incident.IncidentService;
import io.cachet.metric.MetricService;
import io.cachet.metric.SaveMetric;
import io.cachet.shared.ListQuery;
import io.cachet.user.UserService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the fuzz test ({@code io.cachet.fuzz.FuzzIntegrationTests}) found in the
 * dashboard's forms, pinned down: each was a 500.
 */
@DashboardTest
class DashboardHostileInputIntegrationTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	UserService users;

	@Autowired
	IncidentService incidents;

	@Autowired
	MetricService metrics;

	@Autowired
	LoginThrottle throttle;

	FormClient browser;

	String csrf;

	@BeforeEach
	void logIn() {
		String username = "hostile" + System.nanoTime();
		this.users.createUser(TestUsers.admin(username));
		this.throttle.clear();
		this.browser = FormClient.loggedIn(this.port, username, "correct horse battery");
		Matcher token = CSRF.matcher(this.browser.get("/dashboard/components").body());
		assertThat(token.find()).isTrue();
		this.csrf = token.group(1);
	}

	@Test
	void aMultipartBodyCutShortIsA400() throws Exception {
		String boundary = "----cut";
		HttpResponse<String> cut = send("/dashboard/components/order", "multipart/form-data; boundary=" + boundary,
				"--" + boundary + "\r\nContent-Disposition: form-");
		assertThat(cut.statusCode()).isEqualTo(400);
		HttpResponse<String> noBoundary = send("/dashboard/settings/stylesheet", "multipart/form-data",
				"--x\r\nContent-Disposition: form-data; name=\"stylesheet\"\r\n\r\nbody{}\r\n--x--\r\n");
		assertThat(noBoundary.statusCode()).isEqualTo(400);
	}

	@Test
	void anIncidentFormThatCannotBeBuiltIsShownAgainWithItsErrors() throws Exception {
		long before = this.incidents.findIncidents(new ListQuery(Map.of(), null, false, 1, 1000), false).total();
		// a JSON body carries no form fields; "abc" is no status
		HttpResponse<String> json = send("/dashboard/incidents", "application/json", "{\"name\":\"x\"}");
		assertThat(json.statusCode()).isEqualTo(200);
		HttpResponse<String> wrongType = send("/dashboard/incidents", "application/x-www-form-urlencoded",
				"name=Outage&status=abc&message=down");
		assertThat(wrongType.statusCode()).isEqualTo(200);
		assertThat(this.incidents.findIncidents(new ListQuery(Map.of(), null, false, 1, 1000), false).total())
			.isEqualTo(before);
	}

	@Test
	void aMetricPointTooLargeForItsColumnIsRefusedAtOnce() throws Exception {
		long metric = this.metrics
			.createMetric(new SaveMetric("Latency", "ms", null, BigDecimal.ZERO, 0, true, 2, 1, 5, 0, 1))
			.id();
		for (String value : new String[] { "1E+308", "1E+999999999" }) {
			long start = System.nanoTime();
			HttpResponse<String> answer = send("/dashboard/metrics/" + metric + "/points",
					"application/x-www-form-urlencoded",
					"value=" + java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
			assertThat(answer.statusCode()).as(value).isEqualTo(302);
			assertThat((System.nanoTime() - start) / 1_000_000).as(value).isLessThan(2_000);
			assertThat(this.browser.get("/dashboard/metrics/" + metric).body()).contains("must be less than");
		}
		assertThat(this.metrics.findPoints(metric, new ListQuery(Map.of(), null, false, 1, 100)).total()).isZero();
	}

	@Test
	void aFormAimedAtAUserThatDoesNotExistIsA404() throws Exception {
		for (String action : new String[] { "activate", "deactivate", "level" }) {
			HttpResponse<String> answer = send("/dashboard/team/9223372036854775807/" + action,
					"application/x-www-form-urlencoded", "level=ADMIN");
			assertThat(answer.statusCode()).as(action).isEqualTo(404);
		}
	}

	private HttpResponse<String> send(String path, String contentType, String body)
			throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Content-Type", contentType)
			.header("X-CSRF-TOKEN", this.csrf)
			.header("Cookie", "JSESSIONID=" + this.browser.cookie("JSESSIONID").orElseThrow().getValue())
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}

}
