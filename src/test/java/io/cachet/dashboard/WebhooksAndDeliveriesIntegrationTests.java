package io.cachet.dashboard;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cachet.IsolatedIntegrationTest;
import io.cachet.TestUsers;
import io.cachet.component.ComponentService;
import io.cachet.component.ComponentStatus;
import io.cachet.component.CreateComponent;
import io.cachet.component.StatusChangeSource;
import io.cachet.notification.DeliveryLog;
import io.cachet.notification.NotificationSummary;
import io.cachet.notification.WebhookService;
import io.cachet.notification.WebhookView;
import io.cachet.notification.WebhookFormat;
import io.cachet.notification.SaveWebhook;
import io.cachet.shared.ListQuery;
import io.cachet.user.UserService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The webhook and delivery pages over HTTP: webhooks are made, changed and deleted
 * through the form, and a failed delivery is sent again from the deliveries page.
 */
@IsolatedIntegrationTest(properties = { "cachet.notifications.poll-interval=100ms",
		"cachet.notifications.retry-base=50ms", "cachet.notifications.max-attempts=1" })
class WebhooksAndDeliveriesIntegrationTests {

	private static final Pattern SECRET = Pattern.compile("Save this secret now: <code>([0-9a-f]+)</code>");

	@LocalServerPort
	int port;

	@Autowired
	UserService users;

	@Autowired
	WebhookService webhooks;

	@Autowired
	DeliveryLog log;

	@Autowired
	ComponentService components;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	LoginThrottle throttle;

	FormClient browser;

	@BeforeEach
	void logIn() {
		String username = "hooks" + System.nanoTime();
		this.users.createUser(TestUsers.admin(username));
		this.throttle.clear();
		this.browser = FormClient.loggedIn(this.port, username, "correct horse battery");
	}

	@Test
	void webhooksAreCreatedEditedAndDeletedThroughTheForm() {
		assertThat(this.browser.get("/dashboard/webhooks/create").statusCode()).isEqualTo(200);
		Map<String, String> form = new HashMap<>(Map.of("url", "ftp://example.com/hook", "description", "Chat",
				"format", "SLACK", "events", "incident_created", "enabled", "true", "secret", ""));
		var rejected = this.browser.post("/dashboard/webhooks", form);
		assertThat(rejected.statusCode()).isIn(200, 422);
		assertThat(rejected.body()).contains("notice error").contains("http or https");
		assertThat(findWebhook("example.com/hook")).isNull();

		form.put("url", "https://example.com/hook");
		form.put("format", "CARRIER_PIGEON");
		var badFormat = this.browser.post("/dashboard/webhooks", form);
		assertThat(badFormat.statusCode()).isIn(200, 422);
		assertThat(badFormat.body()).contains("field-error");
		assertThat(findWebhook("https://example.com/hook")).isNull();

		form.put("format", "SLACK");
		form.put("enabled", "maybe");
		var unreadable = this.browser.post("/dashboard/webhooks", form);
		assertThat(unreadable.statusCode()).isEqualTo(302);
		assertThat(this.browser.get("/dashboard/webhooks").body()).contains("The form could not be read");
		assertThat(findWebhook("https://example.com/hook")).isNull();

		this.browser.get("/dashboard/webhooks/create");
		form.put("enabled", "true");
		var created = this.browser.post("/dashboard/webhooks", form);
		assertThat(FormClient.location(created)).endsWith("/dashboard/webhooks");
		String list = this.browser.get("/dashboard/webhooks").body();
		Matcher secret = SECRET.matcher(list);
		assertThat(secret.find()).isTrue();
		assertThat(list).contains("https://example.com/hook").contains("slack").contains("incident_created");
		WebhookView webhook = findWebhook("https://example.com/hook");
		assertThat(webhook).isNotNull();
		assertThat(webhook.sendAllEvents()).isFalse();
		assertThat(webhook.events()).containsExactly("incident_created");
		assertThat(this.webhooks.secretOf(webhook.id())).isEqualTo(secret.group(1));
		assertThat(this.browser.get("/dashboard/webhooks").body()).doesNotContain(secret.group(1));
		// the URL (for chat webhooks, the credential) was shown once, at creation
		assertThat(this.browser.get("/dashboard/webhooks").body()).contains("https://example.com/…")
			.doesNotContain("https://example.com/hook");
		String edit = this.browser.get("/dashboard/webhooks/" + webhook.id()).body();
		assertThat(edit).contains("https://example.com/…")
			.doesNotContain("https://example.com/hook")
			.doesNotContain(secret.group(1));

		// saved with a blank URL and secret: both unchanged
		assertThat(FormClient.location(this.browser.post("/dashboard/webhooks",
				Map.of("id", String.valueOf(webhook.id()), "url", "", "description", "Chat again", "format", "SLACK",
						"events", "incident_created", "enabled", "true", "secret", ""))))
			.endsWith("/dashboard/webhooks");
		assertThat(this.webhooks.getWebhook(webhook.id()).url()).isEqualTo("https://example.com/hook");
		assertThat(this.webhooks.getWebhook(webhook.id()).description()).isEqualTo("Chat again");
		assertThat(this.webhooks.secretOf(webhook.id())).isEqualTo(secret.group(1));
		assertThat(SECRET.matcher(this.browser.get("/dashboard/webhooks").body()).find()).isFalse();

		Map<String, String> changed = new HashMap<>(
				Map.of("id", String.valueOf(webhook.id()), "url", "https://example.com/hook2", "description", "Chat",
						"format", "JSON", "sendAllEvents", "true", "secret", ""));
		assertThat(FormClient.location(this.browser.post("/dashboard/webhooks", changed)))
			.endsWith("/dashboard/webhooks");
		WebhookView saved = this.webhooks.getWebhook(webhook.id());
		assertThat(saved.url()).isEqualTo("https://example.com/hook2");
		assertThat(saved.sendAllEvents()).isTrue();
		assertThat(saved.enabled()).isFalse();
		// re-pointed without a secret: a new one, shown once; the old one signs nothing
		String afterRepoint = this.browser.get("/dashboard/webhooks").body();
		Matcher newSecret = SECRET.matcher(afterRepoint);
		assertThat(newSecret.find()).isTrue();
		assertThat(newSecret.group(1)).isNotEqualTo(secret.group(1));
		assertThat(this.webhooks.secretOf(webhook.id())).isEqualTo(newSecret.group(1));
		assertThat(this.browser.get("/dashboard/webhooks").body()).contains("all events")
			.doesNotContain(newSecret.group(1));

		this.browser.post("/dashboard/webhooks/" + webhook.id() + "/delete", Map.of());
		assertThat(findWebhook("https://example.com/hook2")).isNull();
		assertThat(this.browser.get("/dashboard/webhooks/" + webhook.id()).statusCode()).isEqualTo(404);
	}

	@Test
	void webhooksAreForAdminsOnly() {
		String username = "nohooks" + System.nanoTime();
		this.users.createUser(TestUsers.user(username));
		this.throttle.clear();
		FormClient user = FormClient.loggedIn(this.port, username, "correct horse battery");
		assertThat(user.get("/dashboard/webhooks").statusCode()).isEqualTo(403);
		assertThat(user.get("/dashboard/notifications").statusCode()).isEqualTo(200);
	}

	@Test
	void theDeliveriesPageShowsALevel2UserNoWebhookUrl() {
		String secretPath = "/services/T0001/B0002/" + System.nanoTime() + "chatkey";
		WebhookView webhook = this.webhooks
			.createWebhook(new SaveWebhook("http://127.0.0.1:9" + secretPath, null, "Team chat", WebhookFormat.SLACK,
					true, null, true))
			.webhook();
		long component = this.components
			.createComponent(
					new CreateComponent("Chatty API", "", "", ComponentStatus.OPERATIONAL, 0, 0, true, null, List.of()))
			.id();
		try {
			showsNoUrl(webhook, component, secretPath);
		}
		finally {
			// the other tests count failed deliveries
			this.webhooks.deleteWebhook(webhook.id());
		}
	}

	private void showsNoUrl(WebhookView webhook, long component, String secretPath) {
		this.components.changeStatus(component, ComponentStatus.MAJOR_OUTAGE, false, StatusChangeSource.MANUAL);
		long notification = await().atMost(Duration.ofSeconds(20))
			.until(() -> this.jdbc
				.sql("SELECT notification_id FROM deliveries WHERE channel = 'webhook' AND recipient_id = ? "
						+ "AND status = 'failed'")
				.param(webhook.id())
				.query(Long.class)
				.optional()
				.orElse(null), (id) -> id != null);
		String username = "chatless" + System.nanoTime();
		this.users.createUser(TestUsers.user(username));
		this.throttle.clear();
		FormClient user = FormClient.loggedIn(this.port, username, "correct horse battery");

		var page = user.get("/dashboard/notifications/" + notification);

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("data-delivery=").contains("http://127.0.0.1:9/…").doesNotContain(secretPath);
		assertThat(this.browser.get("/dashboard/notifications/" + notification).body()).doesNotContain(secretPath);
		assertThat(this.browser.get("/dashboard/webhooks/" + webhook.id()).body()).doesNotContain(secretPath);
	}

	@Test
	void failedDeliveriesAreListedAndQueuedAgain() {
		this.browser.get("/dashboard/webhooks/create");
		this.browser.post("/dashboard/webhooks", Map.of("url", "http://127.0.0.1:9/", "description", "", "format",
				"JSON", "sendAllEvents", "true", "enabled", "true", "secret", ""));
		WebhookView webhook = findWebhook("http://127.0.0.1:9/");
		assertThat(webhook).isNotNull();
		long component = this.components
			.createComponent(
					new CreateComponent("Hooked API", "", "", ComponentStatus.OPERATIONAL, 0, 0, true, null, List.of()))
			.id();
		this.components.changeStatus(component, ComponentStatus.MAJOR_OUTAGE, false, StatusChangeSource.MANUAL);

		NotificationSummary notification = await().atMost(Duration.ofSeconds(20))
			.until(() -> this.log.recentNotifications(50)
				.stream()
				.filter((n) -> n.event().equals("component_status_changed") && n.failed() == 1)
				.findFirst()
				.orElse(null), (n) -> n != null);
		String page = this.browser.get("/dashboard/notifications").body();
		assertThat(page).contains("data-notification=\"" + notification.id() + "\"")
			.contains("component_status_changed")
			.contains("<td class=\"failed\">1</td>");
		long delivery = this.jdbc.sql("SELECT id FROM deliveries WHERE notification_id = ? AND recipient_id = ?")
			.params(notification.id(), webhook.id())
			.query(Long.class)
			.single();
		assertThat(this.log.attempts(delivery)).hasSize(1);
		String detail = this.browser.get("/dashboard/notifications/" + notification.id()).body();
		assertThat(detail).contains("Retry failed").contains("http://127.0.0.1:9/").contains("failed");
		assertThat(this.browser.get("/dashboard/webhooks/" + webhook.id()).body())
			.contains("data-delivery=\"" + delivery + "\"")
			.contains("no answer");

		var retried = this.browser.post("/dashboard/notifications/" + notification.id() + "/retry", Map.of());
		assertThat(FormClient.location(retried)).endsWith("/dashboard/notifications/" + notification.id());
		assertThat(this.browser.get("/dashboard/notifications/" + notification.id()).body())
			.contains("Queued 1 failed delivery again.");
		await().atMost(Duration.ofSeconds(20)).until(() -> this.log.attempts(delivery).size() == 2);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.jdbc.sql("SELECT status FROM deliveries WHERE id = ?")
				.param(delivery)
				.query(String.class)
				.single()
				.equals("failed"));

		this.browser.get("/dashboard/notifications/" + notification.id());
		this.browser.post("/dashboard/notifications/" + notification.id() + "/deliveries/" + delivery + "/retry",
				Map.of());
		await().atMost(Duration.ofSeconds(20)).until(() -> this.log.attempts(delivery).size() == 3);
	}

	private WebhookView findWebhook(String url) {
		return this.webhooks.findWebhooks(ListQuery.all())
			.items()
			.stream()
			.filter((w) -> w.url().equals(url))
			.findFirst()
			.orElse(null);
	}

}
