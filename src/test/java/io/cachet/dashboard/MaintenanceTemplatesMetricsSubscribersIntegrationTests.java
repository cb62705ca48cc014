package io.cachet.dashboard;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cachet.DashboardTest;
import io.cachet.TestUsers;
import io.cachet.component.ComponentService;
import io.cachet.component.ComponentStatus;
import io.cachet.component.CreateComponent;
import io.cachet.incident.IncidentTemplateService;
import io.cachet.metric.MetricService;
import io.cachet.metric.MetricView;
import io.cachet.schedule.ScheduleService;
import io.cachet.schedule.ScheduleView;
import io.cachet.shared.ListQuery;
import io.cachet.subscriber.SubscriberService;
import io.cachet.user.UserService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The maintenance, template, metric and subscriber pages over HTTP.
 */
@DashboardTest
class MaintenanceTemplatesMetricsSubscribersIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	UserService users;

	@Autowired
	ComponentService components;

	@Autowired
	ScheduleService schedules;

	@Autowired
	IncidentTemplateService templates;

	@Autowired
	MetricService metrics;

	@Autowired
	SubscriberService subscribers;

	@Autowired
	LoginThrottle throttle;

	FormClient browser;

	@BeforeEach
	void logIn() {
		String username = "content" + System.nanoTime();
		this.users.createUser(TestUsers.user(username));
		this.throttle.clear();
		this.browser = FormClient.loggedIn(this.port, username, "correct horse battery");
	}

	@Test
	void maintenanceIsScheduledWithItsComponents() {
		long db = this.components
			.createComponent(new CreateComponent("Maintained DB", "", "", ComponentStatus.OPERATIONAL, 0, 0, true, null,
					List.of()))
			.id();
		this.browser.get("/dashboard/schedule/create");
		Map<String, String> form = new HashMap<>(Map.of("name", "DB upgrade", "status", "0", "scheduledAt", "",
				"completedAt", "", "message", "Short downtime", "component-" + db, "1"));
		assertThat(this.browser.post("/dashboard/schedule", form).body()).contains("is required");
		form.put("scheduledAt", "2030-01-02T03:00");
		form.put("completedAt", "2030-01-02T02:00");
		assertThat(this.browser.post("/dashboard/schedule", form).body()).contains("notice error");
		form.put("completedAt", "2030-01-02T04:00");
		assertThat(FormClient.location(this.browser.post("/dashboard/schedule", form))).endsWith("/dashboard/schedule");
		ScheduleView created = this.schedules.findSchedules(ListQuery.all())
			.items()
			.stream()
			.filter((s) -> s.name().equals("DB upgrade"))
			.findFirst()
			.orElseThrow();
		assertThat(created.components()).extracting((c) -> c.componentId()).containsExactly(db);
		assertThat(this.browser.get("/dashboard/schedule/" + created.id()).body()).contains("2030-01-02T03:00");
		this.browser.post("/dashboard/schedule/" + created.id() + "/delete", Map.of());
		assertThat(this.browser.get("/dashboard/schedule/" + created.id()).statusCode()).isEqualTo(404);
	}

	@Test
	void templatesArePreviewedSanitizedAndSaved() {
		this.browser.get("/dashboard/templates/create");
		Map<String, String> form = new HashMap<>(Map.of("name", "Outage", "slug", "", "template",
				"**{{ incident.name }}** is down <script>alert(1)</script>", "action", "preview"));
		String preview = this.browser.post("/dashboard/templates", form).body();
		assertThat(preview).contains("<strong>Example incident</strong> is down").doesNotContain("<script>alert");
		assertThat(this.templates.findTemplates(ListQuery.all()).items()).noneMatch((t) -> t.name().equals("Outage"));

		form.put("template", "{% for %}");
		assertThat(this.browser.post("/dashboard/templates", form).body()).contains("field-error");

		form.put("template", "{{ incident.name }} is down");
		form.put("action", "save");
		assertThat(FormClient.location(this.browser.post("/dashboard/templates", form)))
			.endsWith("/dashboard/templates");
		assertThat(this.templates.findTemplates(ListQuery.all()).items()).anyMatch((t) -> t.slug().equals("outage"));
	}

	@Test
	void metricsAreCreatedAndTakeManualPoints() {
		this.browser.get("/dashboard/metrics/create");
		Map<String, String> form = new HashMap<>(
				Map.of("name", "Signups", "suffix", "", "description", "", "defaultValue", "0", "calcType", "0",
						"displayChart", "true", "places", "9", "defaultView", "1", "threshold", "5", "order", "0"));
		form.put("visible", "1");
		assertThat(this.browser.post("/dashboard/metrics", form).body()).contains("field-error");
		form.put("places", "0");
		this.browser.post("/dashboard/metrics", form);
		MetricView signups = this.metrics.findMetrics(ListQuery.all())
			.items()
			.stream()
			.filter((m) -> m.name().equals("Signups"))
			.findFirst()
			.orElseThrow();
		this.browser.get("/dashboard/metrics/" + signups.id());
		this.browser.post("/dashboard/metrics/" + signups.id() + "/points", Map.of("value", "12"));
		assertThat(this.metrics.findPoints(signups.id(), ListQuery.all()).items()).hasSize(1);
		assertThat(this.browser.get("/dashboard/metrics/" + signups.id()).body()).contains("Point added");
		this.browser.post("/dashboard/metrics/" + signups.id() + "/points", Map.of("value", "twelve"));
		assertThat(this.browser.get("/dashboard/metrics/" + signups.id()).body()).contains("must be a number");
	}

	@Test
	void subscribersAreAddedInBulkAsVerifiedSearchedAndDeleted() {
		String tag = "bulk" + System.nanoTime();
		this.browser.get("/dashboard/subscribers");
		this.browser.post("/dashboard/subscribers",
				Map.of("emails", tag + "-a@example.com\nnot-an-address\n" + tag + "-b@example.com"));
		assertThat(this.browser.get("/dashboard/subscribers").body()).contains("Not e-mail addresses: not-an-address");
		assertThat(search(tag)).isEmpty();

		this.browser.post("/dashboard/subscribers",
				Map.of("emails", tag + "-a@example.com\n" + tag + "-b@example.com, " + tag + "-c@example.com"));
		assertThat(search(tag)).hasSize(3).allMatch((s) -> s.verifiedAt() != null);
		String page = this.browser.get("/dashboard/subscribers?q=" + tag + "-b").body();
		assertThat(page).contains(tag + "-b@example.com").doesNotContain(tag + "-a@example.com");

		this.browser.post("/dashboard/subscribers/" + search(tag).get(0).id() + "/delete", Map.of());
		assertThat(search(tag)).hasSize(2);
	}

	private List<io.cachet.subscriber.SubscriberView> search(String tag) {
		return this.subscribers.findSubscribers(ListQuery.all())
			.items()
			.stream()
			.filter((s) -> s.email() != null && s.email().startsWith(tag))
			.toList();
	}

}
