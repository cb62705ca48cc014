package io.cachet.notification;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cachet.component.ComponentService;
import io.cachet.component.ComponentStatus;
import io.cachet.component.CreateComponent;
import io.cachet.incident.AffectedComponent;
import io.cachet.incident.CreateIncident;
import io.cachet.incident.IncidentService;
import io.cachet.incident.IncidentStatus;
import io.cachet.subscriber.SubscriberService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outbox's SQL on each database (run by the subclasses): an incident is written to
 * the outbox, fanned out to a subscriber and a webhook in one statement each, the webhook
 * called and its attempt logged, and the e-mail (no mail server in these contexts)
 * recorded as a failed attempt queued for a retry.
 */
abstract class NotificationDeliveryContractTests {

	@Autowired
	ComponentService components;

	@Autowired
	IncidentService incidents;

	@Autowired
	SubscriberService subscribers;

	@Autowired
	WebhookService webhooks;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	io.cachet.notification.internal.OutboxRepository outbox;

	@Autowired
	NotificationProperties properties;

	@Autowired
	TransactionTemplate transactions;

	HttpServer receiver;

	final AtomicInteger calls = new AtomicInteger();

	@BeforeEach
	void startReceiver() throws Exception {
		this.receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.receiver.createContext("/", (exchange) -> {
			exchange.getRequestBody().readAllBytes();
			this.calls.incrementAndGet();
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		this.receiver.start();
	}

	@AfterEach
	void stopReceiver() {
		this.receiver.stop(0);
	}

	@Test
	void anIncidentIsFannedOutSentAndLogged() {
		long component = this.components
			.createComponent(new CreateComponent("Outbox " + UUID.randomUUID(), "", "", ComponentStatus.OPERATIONAL, 0,
					0, true, null, List.of()))
			.id();
		long subscriber = this.subscribers
			.subscribe("outbox-" + UUID.randomUUID() + "@example.com", true, List.of(component))
			.id();
		CreatedWebhook webhook = this.webhooks.createWebhook(
				new SaveWebhook("http://127.0.0.1:" + this.receiver.getAddress().getPort() + "/" + UUID.randomUUID(),
						null, "contract", WebhookFormat.JSON, false, List.of("incident_created"), true));
		long incident = this.incidents
			.createIncident(new CreateIncident("Outbox test", IncidentStatus.INVESTIGATING, "Checking", 0, null, null,
					Map.of(), true, false, true, null, null,
					List.of(new AffectedComponent(component, ComponentStatus.PARTIAL_OUTAGE)), null))
			.id();
		long notification = this.jdbc.sql("SELECT id FROM notifications WHERE event_key = ?")
			.param("incident_created:" + incident)
			.query(Long.class)
			.single();

		await().atMost(Duration.ofSeconds(20))
			.until(() -> "sent".equals(status(notification, "webhook", webhook.webhook().id()))
					&& attempts(notification, "email", subscriber) >= 1);
		assertThat(this.calls.get()).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT state FROM notifications WHERE id = ?")
			.param(notification)
			.query(String.class)
			.single()).isEqualTo("done");
		assertThat(this.jdbc
			.sql("SELECT a.status_code FROM delivery_attempts a JOIN deliveries d ON d.id = a.delivery_id "
					+ "WHERE d.notification_id = ? AND d.channel = 'webhook'")
			.param(notification)
			.query(Integer.class)
			.list()).containsExactly(204);
		assertThat(status(notification, "email", subscriber)).isEqualTo("queued");
		assertThat(this.jdbc.sql(
				"SELECT last_error FROM deliveries WHERE notification_id = ? AND channel = 'email' AND recipient_id = ?")
			.params(notification, subscriber)
			.query(String.class)
			.single()).contains("No mail server");
	}

	@Test
	void aNotificationWhoseIncidentIsGoneDoesNotHoldUpTheOthers() {
		// created and deleted in one transaction: the notification reaches the worker
		// only after its incident has gone (what an API client deleting at once can do)
		long gone = this.transactions.execute((status) -> {
			long id = this.incidents
				.createIncident(new CreateIncident("Gone " + UUID.randomUUID(), IncidentStatus.INVESTIGATING, "x", 0,
						null, null, Map.of(), true, false, false, null, null, List.of(), null))
				.id();
			this.incidents.deleteIncident(id);
			return id;
		});
		long next = this.incidents
			.createIncident(new CreateIncident("After " + UUID.randomUUID(), IncidentStatus.INVESTIGATING, "y", 0, null,
					null, Map.of(), true, false, false, null, null, List.of(), null))
			.id();
		await().atMost(Duration.ofSeconds(20))
			.until(() -> fannedOut("incident_created:" + gone) && fannedOut("incident_created:" + next));
	}

	private boolean fannedOut(String eventKey) {
		String state = this.jdbc.sql("SELECT state FROM notifications WHERE event_key = ?")
			.param(eventKey)
			.query(String.class)
			.optional()
			.orElse("none");
		return state.equals("done") || state.equals("skipped");
	}

	@Test
	void oldNotificationsWithNothingLeftToSendArePruned() {
		java.time.Instant now = java.time.Instant.now();
		long old = notification("done", now.minus(Duration.ofDays(40)));
		long oldWithWork = notification("done", now.minus(Duration.ofDays(40)));
		long recent = notification("done", now.minus(Duration.ofDays(1)));
		delivery(old, "sent", now);
		delivery(oldWithWork, "queued", now);
		delivery(recent, "sent", now);

		assertThat(this.outbox.pruneBefore(now.minus(Duration.ofDays(30)))).isGreaterThanOrEqualTo(1);

		assertThat(count("SELECT COUNT(*) FROM notifications WHERE id = ?", old)).isZero();
		assertThat(count("SELECT COUNT(*) FROM deliveries WHERE notification_id = ?", old)).isZero();
		assertThat(count("SELECT COUNT(*) FROM notifications WHERE id = ?", oldWithWork)).isOne();
		assertThat(count("SELECT COUNT(*) FROM notifications WHERE id = ?", recent)).isOne();
		this.jdbc.sql("UPDATE deliveries SET status = 'cancelled' WHERE notification_id = ?")
			.param(oldWithWork)
			.update();
	}

	@Test
	void aStartingNodeTakesBackItsOwnClaimsAtOnceAndNoOneElses() {
		Instant t0 = Instant.parse("2001-01-01T00:00:00Z");
		String a = "a-" + UUID.randomUUID();
		String b = "b-" + UUID.randomUUID();
		long notification = notification("done", t0);
		// queued and claimed in one transaction, so that the running worker never sees
		// them queued
		List<Long> ofA = this.transactions.execute((status) -> {
			due(notification, 1, t0);
			due(notification, 2, t0);
			return this.outbox.claimDue(t0.plusSeconds(1), 10, UUID.randomUUID().toString(), a);
		});
		long ofB = claimed(notification, 3, b, t0);
		assertThat(ofA).hasSize(2);
		assertThat(claimedBy(ofA.get(0))).isEqualTo(a);

		// node A restarts at once: no waiting for the lease
		assertThat(this.outbox.releaseClaimsOf(a)).isEqualTo(2);

		assertThat(ofA).allSatisfy((id) -> assertThat(statusOf(id)).isEqualTo("queued"));
		assertThat(claimedBy(ofA.get(0))).isNull();
		assertThat(statusOf(ofB)).isEqualTo("sending");
		assertThat(claimedBy(ofB)).isEqualTo(b);
		cancel(notification);
	}

	/**
	 * Two nodes on a simulated clock, each renewing its leases and checking for expired
	 * ones every third of the lease, as {@link DeliveryWorker} does in a cluster: the
	 * claims of a node that dies are taken over within 60 s, and a live node's never.
	 */
	@Test
	void aDeadNodesClaimsAreTakenOverWithinAMinuteAndALiveNodesNever() {
		Duration lease = this.properties.claimLease();
		assertThat(lease).isLessThanOrEqualTo(Duration.ofSeconds(45));
		Duration period = lease.dividedBy(3);
		Instant t0 = Instant.parse("2001-01-02T00:00:00Z");
		String a = "a-" + UUID.randomUUID();
		String b = "b-" + UUID.randomUUID();
		long notification = notification("done", t0);
		List<Long> ofA = List.of(claimed(notification, 1, a, t0), claimed(notification, 2, a, t0));
		long ofB = claimed(notification, 3, b, t0);
		Instant death = t0.plusSeconds(95);
		Instant takenOver = null;
		// node B runs its lease work on the period, node A half a period later
		for (Instant now = t0.plus(period); now.isBefore(t0.plus(Duration.ofMinutes(5))); now = now.plus(period)) {
			this.outbox.renewClaims(b, now);
			this.outbox.requeueInFlight(now.minus(lease));
			if (takenOver == null && ofA.stream().allMatch((id) -> "queued".equals(statusOf(id)))) {
				takenOver = now;
			}
			Instant aTurn = now.plus(period.dividedBy(2));
			if (aTurn.isBefore(death)) {
				assertThat(takenOver).as("taken over while node A was alive").isNull();
				this.outbox.renewClaims(a, aTurn);
				this.outbox.requeueInFlight(aTurn.minus(lease));
			}
		}
		assertThat(takenOver).as("node A's claims were taken over").isNotNull();
		assertThat(Duration.between(death, takenOver)).isLessThanOrEqualTo(Duration.ofSeconds(60));
		assertThat(statusOf(ofB)).as("node B is alive throughout").isEqualTo("sending");
		System.out.printf("A dead node's claims were taken over %d s after it died (lease %d s)%n",
				Duration.between(death, takenOver).toSeconds(), lease.toSeconds());
		cancel(notification);
	}

	private void due(long notification, long recipient, Instant at) {
		this.jdbc
			.sql("INSERT INTO deliveries (notification_id, channel, recipient_id, status, attempts, next_attempt_at) "
					+ "VALUES (?, 'webhook', ?, 'queued', 0, ?)")
			.params(notification, -recipient, java.sql.Timestamp.from(at))
			.update();
	}

	/**
	 * A delivery some node holds; due only in a year, so that the running worker leaves
	 * it alone once it is given back.
	 */
	private long claimed(long notification, long recipient, String node, Instant at) {
		this.jdbc.sql("INSERT INTO deliveries (notification_id, channel, recipient_id, status, attempts, "
				+ "next_attempt_at, claim_token, claimed_by, claimed_at) VALUES (?, 'webhook', ?, 'sending', 0, ?, ?, ?, ?)")
			.params(notification, -recipient, java.sql.Timestamp.from(Instant.now().plus(Duration.ofDays(365))),
					UUID.randomUUID().toString(), node, java.sql.Timestamp.from(at))
			.update();
		return this.jdbc.sql("SELECT id FROM deliveries WHERE notification_id = ? AND recipient_id = ?")
			.params(notification, -recipient)
			.query(Long.class)
			.single();
	}

	private String statusOf(long delivery) {
		return this.jdbc.sql("SELECT status FROM deliveries WHERE id = ?").param(delivery).query(String.class).single();
	}

	private @Nullable String claimedBy(long delivery) {
		return this.jdbc.sql("SELECT claimed_by FROM deliveries WHERE id = ?")
			.param(delivery)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private void cancel(long notification) {
		this.jdbc.sql("UPDATE deliveries SET status = 'cancelled' WHERE notification_id = ?")
			.param(notification)
			.update();
	}

	private long notification(String state, java.time.Instant createdAt) {
		long id = this.outbox.insert("test:" + UUID.randomUUID(), "incident_created", "{}", createdAt);
		this.jdbc.sql("UPDATE notifications SET state = ? WHERE id = ?").params(state, id).update();
		return id;
	}

	private void delivery(long notification, String status, java.time.Instant at) {
		this.jdbc
			.sql("INSERT INTO deliveries (notification_id, channel, recipient_id, status, attempts, next_attempt_at) "
					+ "VALUES (?, 'webhook', ?, ?, 0, ?)")
			.params(notification, -notification, status, java.sql.Timestamp.from(at.plus(Duration.ofDays(365))))
			.update();
	}

	private long count(String sql, long id) {
		return this.jdbc.sql(sql).param(id).query(Long.class).single();
	}

	private String status(long notification, String channel, long recipient) {
		return this.jdbc
			.sql("SELECT status FROM deliveries WHERE notification_id = ? AND channel = ? AND recipient_id = ?")
			.params(notification, channel, recipient)
			.query(String.class)
			.optional()
			.orElse("none");
	}

	private int attempts(long notification, String channel, long recipient) {
		return this.jdbc
			.sql("SELECT attempts FROM deliveries WHERE notification_id = ? AND channel = ? AND recipient_id = ?")
			.params(notification, channel, recipient)
			.query(Integer.class)
			.optional()
			.orElse(0);
	}

}
