package io.cachet.notification;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.cachet.mail.MailServer;
import io.cachet.IsolatedIntegrationTest;
import io.cachet.TestUsers;
import io.cachet.api.ApiTestClient;
import io.cachet.component.ComponentService;
import io.cachet.component.ComponentStatus;
import io.cachet.component.CreateComponent;
import io.cachet.component.StatusChangeSource;
import io.cachet.dashboard.FormClient;
import io.cachet.incident.AffectedComponent;
import io.cachet.incident.CreateIncident;
import io.cachet.incident.IncidentService;
import io.cachet.incident.IncidentStatus;
import io.cachet.incident.IncidentView;
import io.cachet.schedule.SaveSchedule;
import io.cachet.schedule.ScheduleService;
import io.cachet.schedule.ScheduleStatus;
import io.cachet.schedule.ScheduleView;
import io.cachet.settings.SettingsService;
import io.cachet.subscriber.SubscriberService;
import io.cachet.subscriber.SubscriberView;
import io.cachet.user.CreatedUser;
import io.cachet.user.UserService;

import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Subscribers and webhooks end to end, against a real SMTP server (GreenMail) and a real
 * HTTP receiver: the subscribe journey, who hears about what, signed and retried
 * webhooks.
 */
@IsolatedIntegrationTest(
		properties = { "cachet.mail.from=status@example.test", "cachet.notifications.poll-interval=100ms",
				"cachet.notifications.retry-base=200ms", "cachet.notifications.maintenance-check=200ms" })
class NotificationsIntegrationTests {

	@RegisterExtension
	static final MailServer smtp = new MailServer();

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		smtp.pointTheApplicationHere(registry);
	}

	private static final Pattern LINK = Pattern.compile("https?://[^\\s\"<>]+");

	@LocalServerPort
	int port;

	@Autowired
	UserService users;

	@Autowired
	SettingsService settings;

	@Autowired
	ComponentService components;

	@Autowired
	IncidentService incidents;

	@Autowired
	ScheduleService schedules;

	@Autowired
	SubscriberService subscribers;

	@Autowired
	JdbcClient jdbc;

	HttpServer receiver;

	final List<Received> calls = Collections.synchronizedList(new ArrayList<>());

	final AtomicInteger failuresToGive = new AtomicInteger();

	@BeforeEach
	void setUp() throws Exception {
		TestUsers.ensureSetUp(this.users);
		this.settings.set("enable_subscribers", "1");
		this.settings.set("skip_subscriber_verification", "0");
		this.settings.set("suppress_notifications_in_maintenance", "0");
		this.settings.set("app_name", "Acme Status");
		this.jdbc.sql("DELETE FROM webhooks").update();
		this.jdbc.sql("DELETE FROM subscribers").update();
		this.jdbc.sql("UPDATE schedules SET deleted_at = created_at").update();
		this.receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.receiver.createContext("/hook", (exchange) -> {
			byte[] body = exchange.getRequestBody().readAllBytes();
			this.calls.add(new Received(exchange.getRequestURI().getPath(),
					exchange.getRequestHeaders().getFirst("X-Cachet-Event"),
					exchange.getRequestHeaders().getFirst("X-Cachet-Signature"),
					exchange.getRequestHeaders().getFirst("X-Cachet-Delivery"),
					new String(body, StandardCharsets.UTF_8)));
			int status = (this.failuresToGive.getAndDecrement() > 0) ? 500 : 204;
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
		});
		this.receiver.start();
	}

	@AfterEach
	void stopReceiver() {
		this.receiver.stop(0);
	}

	@Test
	void aVisitorSubscribesVerifiesChoosesComponentsAndUnsubscribes() throws Exception {
		long api = component("API");
		long cdn = component("CDN");
		FormClient visitor = new FormClient(this.port);
		assertThat(visitor.get("/subscribe").body()).contains("name=\"email\"");
		assertThat(visitor.post("/subscribe", Map.of("email", "not-an-address")).statusCode()).isEqualTo(422);
		var subscribed = visitor.post("/subscribe", Map.of("email", "Visitor@Example.com"));
		assertThat(FormClient.location(subscribed)).endsWith("/subscribe");
		assertThat(visitor.get("/subscribe").body()).contains("We have sent you an e-mail");

		MimeMessage verification = awaitMail("visitor@example.com", 1).get(0);
		assertThat(verification.getSubject()).isEqualTo("[Acme Status] Confirm your subscription");
		assertThat(verification.getHeader("List-Unsubscribe")).isNull();
		String verifyLink = link(GreenMailUtil.getBody(verification), "/subscribe/verify/");
		SubscriberView subscriber = this.subscribers.findSubscribers(io.cachet.shared.ListQuery.all())
			.items()
			.stream()
			.filter((s) -> "visitor@example.com".equals(s.email()))
			.findFirst()
			.orElseThrow();
		assertThat(subscriber.isVerified()).isFalse();
		assertThat(visitor.get(verifyLink.replace("/verify/", "/verify/1")).statusCode()).isEqualTo(404);

		var verified = visitor.get(verifyLink);
		assertThat(verified.statusCode()).isEqualTo(302);
		String manage = URI.create(FormClient.location(verified)).getPath();
		assertThat(manage).contains("/subscribe/manage/" + subscriber.id() + "/");
		assertThat(this.subscribers.getSubscriber(subscriber.id()).isVerified()).isTrue();
		String managePage = visitor.get(manage).body();
		assertThat(managePage).contains("You are subscribed").contains("value=\"" + api + "\"");

		var saved = visitor.post(manage, Map.of("components", String.valueOf(api)));
		assertThat(saved.statusCode()).isEqualTo(302);
		SubscriberView chosen = this.subscribers.getSubscriber(subscriber.id());
		assertThat(chosen.global()).isFalse();
		assertThat(chosen.subscriptions()).extracting((s) -> s.componentId()).containsExactly(api);

		this.components.changeStatus(cdn, ComponentStatus.MAJOR_OUTAGE, false, StatusChangeSource.MANUAL);
		this.components.changeStatus(api, ComponentStatus.PARTIAL_OUTAGE, false, StatusChangeSource.MANUAL);
		MimeMessage change = awaitMail("visitor@example.com", 2).get(1);
		assertThat(change.getSubject()).isEqualTo("[Acme Status] API is now Partial Outage");
		assertThat(change.getHeader("List-Unsubscribe")[0]).contains("/unsubscribe/" + subscriber.id() + "/");
		assertThat(change.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
		String text = GreenMailUtil.getBody(change);
		assertThat(text).contains("API changed from Operational to Partial Outage");

		String unsubscribeFromApi = link(text, "/unsubscribe/" + subscriber.id() + "/" + api + "/");
		assertThat(visitor.get(unsubscribeFromApi).body()).contains("Unsubscribe from API");
		assertThat(this.subscribers.findSubscribers(io.cachet.shared.ListQuery.all()).items())
			.anyMatch((s) -> s.id() == subscriber.id());
		assertThat(visitor.postWithoutToken(unsubscribeFromApi, Map.of()).body())
			.contains("You will no longer hear about API");
		assertThat(this.subscribers.findSubscribers(io.cachet.shared.ListQuery.all()).items())
			.noneMatch((s) -> s.id() == subscriber.id());
		assertThat(visitor.get(unsubscribeFromApi).statusCode()).isEqualTo(404);
	}

	@Test
	void subscribingAgainMailsTheManageLinkAndOneClickUnsubscribeWorks() throws Exception {
		component("Web");
		FormClient visitor = new FormClient(this.port);
		visitor.get("/subscribe");
		this.settings.set("skip_subscriber_verification", "1");
		visitor.post("/subscribe", Map.of("email", "again@example.com"));
		MimeMessage first = awaitMail("again@example.com", 1).get(0);
		assertThat(first.getSubject()).isEqualTo("[Acme Status] Manage your subscription");
		visitor.get("/subscribe");
		visitor.post("/subscribe", Map.of("email", "again@example.com"));
		MimeMessage second = awaitMail("again@example.com", 2).get(1);
		assertThat(second.getSubject()).isEqualTo("[Acme Status] Manage your subscription");
		String unsubscribe = second.getHeader("List-Unsubscribe")[0].replaceAll("[<>]", "");
		String path = URI.create(unsubscribe).getPath();
		assertThat(new FormClient(this.port).postWithoutToken(path, Map.of("List-Unsubscribe", "One-Click")).body())
			.contains("Your subscription has been cancelled");
		assertThat(this.subscribers.findSubscribers(io.cachet.shared.ListQuery.all()).items())
			.noneMatch((s) -> "again@example.com".equals(s.email()));
	}

	@Test
	void eachEventReachesGlobalSubscribersAndThoseOfItsComponentsOnly() throws Exception {
		long api = component("API");
		long db = component("Database");
		this.subscribers.subscribe("global@example.com", true, null);
		this.subscribers.subscribe("api@example.com", true, List.of(api));
		this.subscribers.subscribe("db@example.com", true, List.of(db));
		this.subscribers.subscribe("unverified@example.com", false, null);
		awaitMail("unverified@example.com", 1);

		IncidentView outage = this.incidents.createIncident(incident("API down", api, true));
		this.incidents.createIncident(incident("Quiet one", api, false));
		this.incidents.reportUpdate(outage.id(), IncidentStatus.IDENTIFIED, "Found it", null);
		this.components.changeStatus(db, ComponentStatus.PERFORMANCE_ISSUES, false, StatusChangeSource.MANUAL);
		this.components.changeStatus(db, ComponentStatus.OPERATIONAL, true, StatusChangeSource.MANUAL);
		long internal = this.components
			.createComponent(new CreateComponent("Internal tool", "", "", ComponentStatus.OPERATIONAL, 0, 0, false,
					null, List.of()))
			.id();
		this.components.changeStatus(internal, ComponentStatus.MAJOR_OUTAGE, false, StatusChangeSource.MANUAL);
		ScheduleView window = this.schedules.createSchedule(new SaveSchedule("DB upgrade", "Short",
				ScheduleStatus.UPCOMING, Instant.now().plus(Duration.ofDays(1)), null, Map.of(db, 0)), true);
		this.schedules.updateSchedule(window.id(),
				new SaveSchedule(null, null, ScheduleStatus.IN_PROGRESS, null, null, null));
		this.schedules.updateSchedule(window.id(),
				new SaveSchedule(null, null, ScheduleStatus.COMPLETE, null, null, null));

		awaitSettled();
		assertThat(subjects("global@example.com")).containsExactlyInAnyOrder("[Acme Status] New incident: API down",
				"[Acme Status] Identified: API down", "[Acme Status] Database is now Performance Issues",
				"[Acme Status] Maintenance scheduled: DB upgrade", "[Acme Status] Maintenance started: DB upgrade",
				"[Acme Status] Maintenance completed: DB upgrade");
		assertThat(subjects("api@example.com")).containsExactlyInAnyOrder("[Acme Status] New incident: API down",
				"[Acme Status] Identified: API down");
		assertThat(subjects("db@example.com")).containsExactlyInAnyOrder(
				"[Acme Status] Database is now Performance Issues", "[Acme Status] Maintenance scheduled: DB upgrade",
				"[Acme Status] Maintenance started: DB upgrade", "[Acme Status] Maintenance completed: DB upgrade");
		assertThat(subjects("unverified@example.com")).containsExactly("[Acme Status] Confirm your subscription");

		// the incident's two notifications are sent in parallel, in either order
		MimeMessage incidentMail = mails("api@example.com").stream().filter((mail) -> {
			try {
				return mail.getSubject().startsWith("[Acme Status] New incident");
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).findFirst().orElseThrow();
		String html = htmlPart(incidentMail);
		assertThat(html).contains("API down").contains("/incidents/" + outage.id()).contains("Unsubscribe from API");
		assertThat(GreenMailUtil.getBody(incidentMail)).contains("Investigating");
	}

	@Test
	void subscribersHearInTheirLanguageAndTheApiSendsTheVerificationMail() throws Exception {
		long api = component("API");
		this.subscribers.subscribe("leser@example.de", true, null, "de");
		this.incidents.createIncident(incident("Ausfall", api, true));
		MimeMessage german = awaitMail("leser@example.de", 1).get(0);
		assertThat(german.getSubject()).isEqualTo("[Acme Status] Neuer Vorfall: Ausfall");
		assertThat(GreenMailUtil.getBody(german)).contains("Untersuchung");

		String token = this.users.createUser(TestUsers.admin("subs" + System.nanoTime())).apiToken();
		var created = new Api(this.port, token).post("/api/v1/subscribers", "{\"email\":\"api-made@example.com\"}");
		assertThat(created.status()).isEqualTo(200);
		MimeMessage verification = awaitMail("api-made@example.com", 1).get(0);
		assertThat(verification.getSubject()).isEqualTo("[Acme Status] Confirm your subscription");
		assertThat(GreenMailUtil.getBody(verification)).contains("/subscribe/verify/");
	}

	@Test
	void maintenanceThatStartsAndEndsByTheClockIsAnnouncedAtBothEnds() throws Exception {
		long db = component("Database");
		this.subscribers.subscribe("clock@example.com", true, List.of(db));
		Instant start = Instant.now().plusSeconds(2);
		this.schedules.createSchedule(new SaveSchedule("Clocked upgrade", "Planned", ScheduleStatus.UPCOMING, start,
				start.plusSeconds(2), Map.of(db, 0)), true);
		await().atMost(Duration.ofSeconds(20)).until(() -> mails("clock@example.com").size() >= 3);
		awaitSettled();
		assertThat(subjects("clock@example.com")).containsExactly(
				"[Acme Status] Maintenance scheduled: Clocked upgrade",
				"[Acme Status] Maintenance started: Clocked upgrade",
				"[Acme Status] Maintenance completed: Clocked upgrade");
	}

	@Test
	void incidentAndStatusMailsWaitWhileMaintenanceIsInProgressWhenTheSettingSaysSo() throws Exception {
		long api = component("API");
		this.subscribers.subscribe("calm@example.com", true, null);
		this.settings.set("suppress_notifications_in_maintenance", "1");
		this.schedules.createSchedule(new SaveSchedule("Now", "", ScheduleStatus.IN_PROGRESS,
				Instant.now().minus(Duration.ofMinutes(5)), Instant.now().plus(Duration.ofHours(1)), Map.of()));
		this.incidents.createIncident(incident("During maintenance", api, true));
		awaitSettled();
		assertThat(subjects("calm@example.com")).isEmpty();
	}

	@Test
	void webhooksAreSignedRetriedAndLogged() throws Exception {
		long api = component("API");
		String token = this.users.createUser(TestUsers.admin("hooks" + System.nanoTime())).apiToken();
		Api client = new Api(this.port, token);
		var created = client.post("/api/v1/webhooks",
				"{\"url\":\"http://127.0.0.1:" + this.receiver.getAddress().getPort()
						+ "/hook\",\"secret\":\"s3cret\",\"events\":[\"incident_created\"]}");
		assertThat(created.status()).isEqualTo(200);
		assertThat(created.body()).contains("\"secret\":\"s3cret\"").contains("\"send_all_events\":false");
		Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(created.body());
		assertThat(id.find()).isTrue();
		long webhookId = Long.parseLong(id.group(1));
		assertThat(client.get("/api/v1/webhooks/" + webhookId).body()).doesNotContain("s3cret");
		assertThat(client.post("/api/v1/webhooks", "{\"url\":\"ftp://example.com\"}").status()).isEqualTo(400);
		assertThat(client.post("/api/v1/webhooks", "{\"url\":\"http://example.com\",\"events\":[\"nope\"]}").status())
			.isEqualTo(400);
		assertThat(new Api(this.port, null).get("/api/v1/webhooks").status()).isEqualTo(401);

		this.failuresToGive.set(2);
		this.components.changeStatus(api, ComponentStatus.MAJOR_OUTAGE, false, StatusChangeSource.MANUAL);
		IncidentView incident = this.incidents.createIncident(incident("Webhook outage", api, false));
		await().atMost(Duration.ofSeconds(20)).until(() -> this.calls.size() >= 3);
		awaitSettled();
		assertThat(this.calls).hasSize(3);
		assertThat(this.calls).allMatch((call) -> "incident_created".equals(call.event()));
		assertThat(this.calls).extracting(Received::delivery).containsOnly(this.calls.get(0).delivery());
		Received last = this.calls.get(2);
		assertThat(last.signature()).isEqualTo("sha256=" + hmac("s3cret", last.body()));
		assertThat(last.body()).contains("\"event\":\"incident_created\"")
			.contains("\"title\":\"Webhook outage\"")
			.contains("/incidents/" + incident.id());

		var log = client.get("/api/v1/webhooks/" + webhookId + "/deliveries");
		assertThat(log.status()).isEqualTo(200);
		assertThat(log.body()).contains("\"status\":\"sent\"")
			.contains("\"attempts\":3")
			.contains("\"status_code\":500")
			.contains("\"status_code\":204");

		client.put("/api/v1/webhooks/" + webhookId, "{\"format\":\"slack\",\"send_all_events\":true}");
		this.calls.clear();
		this.components.changeStatus(api, ComponentStatus.OPERATIONAL, false, StatusChangeSource.MANUAL);
		await().atMost(Duration.ofSeconds(10)).until(() -> !this.calls.isEmpty());
		assertThat(this.calls.get(0).event()).isEqualTo("component_status_changed");
		assertThat(this.calls.get(0).body()).contains("\"text\":\"[Acme Status] API is now Operational\"")
			.contains("\"attachments\"")
			.contains("\"color\":\"#7ED321\"");
		assertThat(client.delete("/api/v1/webhooks/" + webhookId).status()).isEqualTo(204);
	}

	private long component(String name) {
		return this.components
			.createComponent(
					new CreateComponent(name, "", "", ComponentStatus.OPERATIONAL, 0, 0, true, null, List.of()))
			.id();
	}

	private static CreateIncident incident(String name, long componentId, boolean notify) {
		return new CreateIncident(name, IncidentStatus.INVESTIGATING, "Looking into it", 0, null, null, Map.of(), true,
				false, notify, null, null, List.of(new AffectedComponent(componentId, ComponentStatus.MAJOR_OUTAGE)),
				null);
	}

	private void awaitSettled() {
		await().atMost(Duration.ofSeconds(20))
			.pollDelay(Duration.ofMillis(300))
			.until(() -> this.jdbc.sql("SELECT COUNT(*) FROM notifications WHERE state = 'pending'")
				.query(Long.class)
				.single() == 0
					&& this.jdbc.sql("SELECT COUNT(*) FROM deliveries WHERE status IN ('queued', 'sending')")
						.query(Long.class)
						.single() == 0);
	}

	private List<MimeMessage> awaitMail(String address, int count) {
		await().atMost(Duration.ofSeconds(20)).until(() -> mails(address).size() >= count);
		return mails(address);
	}

	private List<MimeMessage> mails(String address) {
		List<MimeMessage> found = new ArrayList<>();
		for (MimeMessage message : smtp.getReceivedMessages()) {
			try {
				for (var recipient : message.getRecipients(Message.RecipientType.TO)) {
					if (recipient.toString().equalsIgnoreCase(address)) {
						found.add(message);
					}
				}
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}
		return found;
	}

	private List<String> subjects(String address) throws Exception {
		List<String> subjects = new ArrayList<>();
		for (MimeMessage message : mails(address)) {
			subjects.add(message.getSubject());
		}
		return subjects;
	}

	private static String htmlPart(MimeMessage message) throws Exception {
		String raw = GreenMailUtil.getWholeMessage(message);
		return new String(jakarta.mail.internet.MimeUtility
			.decode(new java.io.ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)), "8bit")
			.readAllBytes(), StandardCharsets.UTF_8).replace("=\r\n", "").replace("=3D", "=");
	}

	private static String link(String text, String containing) {
		String unfolded = text.replace("=\r\n", "").replace("=3D", "=");
		Matcher matcher = LINK.matcher(unfolded);
		while (matcher.find()) {
			if (matcher.group().contains(containing)) {
				return URI.create(matcher.group()).getPath();
			}
		}
		throw new AssertionError("No link containing " + containing + " in " + unfolded);
	}

	private static String hmac(String secret, String body) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return java.util.HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
	}

	record Received(String path, String event, String signature, String delivery, String body) {

	}

	/**
	 * Calls the JSON API with a token.
	 */
	record Api(int port, String token) {

		ApiTestClient.Response get(String path) {
			return send("GET", path, null);
		}

		ApiTestClient.Response post(String path, String json) {
			return send("POST", path, json);
		}

		ApiTestClient.Response put(String path, String json) {
			return send("PUT", path, json);
		}

		ApiTestClient.Response delete(String path) {
			return send("DELETE", path, null);
		}

		private ApiTestClient.Response send(String method, String path, String json) {
			return new ApiTestClient(this.port).send(method, path, json,
					(this.token != null) ? Map.of("X-Cachet-Token", this.token, "Accept", "application/json")
							: Map.of("Accept", "application/json"));
		}

	}

}
