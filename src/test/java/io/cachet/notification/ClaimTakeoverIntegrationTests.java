package io.cachet.notification;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cachet.IsolatedIntegrationTest;
import io.cachet.incident.CreateIncident;
import io.cachet.incident.IncidentService;
import io.cachet.incident.IncidentStatus;
import io.cachet.notification.internal.OutboxRepository;
import io.cachet.notification.internal.OutboxRepository.PendingNotification;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sender of a cluster node, on a short lease: the node, starting again, sends its own
 * unfinished claims at once; a dead node's claims it sends only once their lease has run
 * out, and then within a third of a lease.
 */
@IsolatedIntegrationTest(properties = "cachet.notifications.enabled=false")
class ClaimTakeoverIntegrationTests {

	private static final Duration LEASE = Duration.ofSeconds(3);

	@Autowired
	ApplicationContext context;

	@Autowired
	OutboxRepository outbox;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dataDir;

	@Test
	void aRestartedNodeSendsItsOwnClaimsAtOnceAndADeadNodesAfterTheLease() throws Exception {
		Map<String, Long> calledAt = new ConcurrentHashMap<>();
		HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiver.createContext("/", (exchange) -> {
			exchange.getRequestBody().readAllBytes();
			calledAt.putIfAbsent(exchange.getRequestURI().getPath(), System.nanoTime());
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		receiver.start();
		try {
			List<Long> hooks = new ArrayList<>();
			for (String name : List.of("own", "dead1", "dead2")) {
				hooks.add(this.context.getBean(WebhookService.class)
					.createWebhook(new SaveWebhook("http://127.0.0.1:" + receiver.getAddress().getPort() + "/" + name,
							null, name, WebhookFormat.JSON, false, List.of("incident_created"), true))
					.webhook()
					.id());
			}
			this.context.getBean(IncidentService.class)
				.createIncident(new CreateIncident("Takeover", IncidentStatus.INVESTIGATING, "Looking", 0, null, null,
						Map.of(), true, false, false, null, null, List.of(), null));
			PendingNotification pending = this.outbox.findPending(20)
				.stream()
				.filter((notification) -> notification.kind().equals("incident_created"))
				.findFirst()
				.orElseThrow();
			assertThat(this.context.getBean(FanOut.class).fanOut(pending)).isEqualTo(3);
			// as a kill leaves them: being sent, just claimed, by this node and by one
			// that died
			claim(pending.id(), hooks.get(0), "survivor");
			claim(pending.id(), hooks.get(1), "dead");
			claim(pending.id(), hooks.get(2), "dead");

			long started = System.nanoTime();
			DeliveryWorker worker = worker();
			worker.start();
			try {
				await().atMost(Duration.ofSeconds(20)).until(() -> calledAt.size() == 3);
			}
			finally {
				worker.stop();
			}
			Duration own = Duration.ofNanos(calledAt.get("/own") - started);
			Duration dead = Duration.ofNanos(Math.min(calledAt.get("/dead1"), calledAt.get("/dead2")) - started);
			System.out.printf("own claims sent after %d ms, a dead node's after %d ms (lease %d ms)%n", own.toMillis(),
					dead.toMillis(), LEASE.toMillis());
			assertThat(own).isLessThan(LEASE.dividedBy(2));
			assertThat(dead).isGreaterThanOrEqualTo(LEASE.minusMillis(500));
			assertThat(dead).isLessThan(LEASE.plus(LEASE.dividedBy(3)).plusSeconds(2));
		}
		finally {
			receiver.stop(0);
		}
	}

	private void claim(long notification, long webhook, String node) {
		this.jdbc
			.sql("UPDATE deliveries SET status = 'sending', claim_token = ?, claimed_by = ?, claimed_at = ? "
					+ "WHERE notification_id = ? AND channel = 'webhook' AND recipient_id = ?")
			.params(java.util.UUID.randomUUID().toString(), node, java.sql.Timestamp.from(java.time.Instant.now()),
					notification, webhook)
			.update();
	}

	/** The sender of a cluster node called "survivor", on this context's beans. */
	private DeliveryWorker worker() {
		NotificationProperties properties = new NotificationProperties(true, 2, 10, Duration.ofMillis(50),
				Duration.ofSeconds(30), 8, Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofDays(30), LEASE);
		return new DeliveryWorker(this.outbox, this.context.getBean(FanOut.class),
				this.context.getBean(EmailChannel.class), this.context.getBean(WebhookChannel.class),
				this.context.getBean(WebhookService.class), properties, this.context.getBean(Clock.class),
				this.context.getBean(NotificationMetrics.class), new NodeIdentity("survivor", this.dataDir.toString()),
				true);
	}

}
