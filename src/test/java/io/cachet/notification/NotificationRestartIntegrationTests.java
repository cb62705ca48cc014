package io.cachet.notification;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.cachet.mail.MailServer;
import io.cachet.CachetApplication;
import io.cachet.component.ComponentService;
import io.cachet.component.ComponentStatus;
import io.cachet.component.CreateComponent;
import io.cachet.incident.AffectedComponent;
import io.cachet.incident.CreateIncident;
import io.cachet.incident.IncidentService;
import io.cachet.incident.IncidentStatus;
import io.cachet.subscriber.SubscriberService;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stopping the application in the middle of a fan-out and starting it again on the same
 * database: every subscriber gets the incident exactly once.
 */
class NotificationRestartIntegrationTests {

	private static final int SUBSCRIBERS = 1000;

	@RegisterExtension
	static final MailServer smtp = new MailServer();

	@TempDir
	Path dataDir;

	@Test
	void aRestartInTheMiddleOfAFanOutLosesNothingAndDoublesNothing() throws Exception {
		int beforeRestart;
		try (ConfigurableApplicationContext first = start()) {
			long api = first.getBean(ComponentService.class)
				.createComponent(
						new CreateComponent("API", "", "", ComponentStatus.OPERATIONAL, 0, 0, true, null, List.of()))
				.id();
			SubscriberService subscribers = first.getBean(SubscriberService.class);
			for (int i = 0; i < SUBSCRIBERS; i++) {
				subscribers.subscribe("reader" + i + "@example.com", true, (i % 2 == 0) ? null : List.of(api));
			}
			first.getBean(IncidentService.class)
				.createIncident(new CreateIncident("Outage", IncidentStatus.INVESTIGATING, "Looking", 0, null, null,
						Map.of(), true, false, true, null, null,
						List.of(new AffectedComponent(api, ComponentStatus.MAJOR_OUTAGE)), null));
			await().atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessages().length >= 50);
			first.close();
			beforeRestart = smtp.getReceivedMessages().length;
			assertThat(beforeRestart).as("stopped in the middle").isLessThan(SUBSCRIBERS);
		}
		try (ConfigurableApplicationContext second = start()) {
			JdbcClient jdbc = JdbcClient.create(second.getBean(javax.sql.DataSource.class));
			// a clean stop leaves nothing half-sent: what the server got is what is
			// marked sent
			assertThat(jdbc.sql("SELECT COUNT(*) FROM deliveries WHERE status = 'sent'").query(Long.class).single())
				.isLessThanOrEqualTo(beforeRestart);
			await().atMost(Duration.ofSeconds(60)).until(() -> smtp.getReceivedMessages().length >= SUBSCRIBERS);
			Thread.sleep(1000);
			MimeMessage[] received = smtp.getReceivedMessages();
			assertThat(received).hasSize(SUBSCRIBERS);
			Set<String> recipients = new HashSet<>();
			List<String> subjects = new ArrayList<>();
			for (MimeMessage message : received) {
				recipients.add(message.getRecipients(Message.RecipientType.TO)[0].toString());
				subjects.add(message.getSubject());
			}
			assertThat(recipients).hasSize(SUBSCRIBERS);
			assertThat(subjects).containsOnly("[Cachet] New incident: Outage");
			assertThat(jdbc.sql("SELECT COUNT(*) FROM deliveries WHERE status = 'sent'").query(Long.class).single())
				.isEqualTo(SUBSCRIBERS);
		}
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(CachetApplication.class).run("--spring.datasource.url=", "--server.port=0",
				"--CACHET_DATA_DIR=" + this.dataDir, "--spring.mail.host=127.0.0.1",
				"--spring.mail.port=" + smtp.getSmtp().getPort(), "--cachet.notifications.batch-size=10",
				"--cachet.notifications.concurrency=1", "--cachet.notifications.poll-interval=50ms");
	}

}
