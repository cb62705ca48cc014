package io.cachet.notification;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.cachet.mail.MailServer;
import io.cachet.CachetApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real {@code kill -9} in the middle of a fan-out: the application runs in a JVM of its
 * own on an H2 file database (the default installation), is killed with SIGKILL after a
 * few hundred of 3,000 e-mails have reached the mail server, and is started again on the
 * same data. Nobody may be left out, and only the messages being handed to the server at
 * the moment of the kill (one per sender thread) may arrive twice, with the same
 * {@code Message-ID} both times.
 */
class NotificationKillIntegrationTests {

	private static final int SUBSCRIBERS = 3000;

	/**
	 * The default {@code cachet.notifications.concurrency}: messages in flight at once.
	 */
	private static final int SENDERS = 8;

	private static final String TOKEN = "kill-test-token-0123456789";

	@RegisterExtension
	static final MailServer smtp = new MailServer();

	@TempDir
	Path dataDir;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aKilledFanOutSendsAgainOnlyWhatWasInFlight() throws Exception {
		// first run: the schema and the admin; then the subscribers, straight into the
		// data
		AppProcess setup = AppProcess.start(this.dataDir, "setup");
		setup.awaitReady(this.http);
		setup.stop();
		insertVerifiedSubscribers();

		AppProcess first = AppProcess.start(this.dataDir, "first");
		first.awaitReady(this.http);
		HttpResponse<String> created = this.http.send(HttpRequest.newBuilder(first.uri("/api/v1/incidents"))
			.header("X-Cachet-Token", TOKEN)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofString("{\"name\":\"Killed\",\"message\":\"Looking\",\"status\":1,\"visible\":1,\"notify\":true}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(5))
			.until(() -> smtp.getReceivedMessages().length >= 400);
		first.kill();
		// let the mail server finish storing what it was receiving
		Thread.sleep(500);
		int beforeKill = smtp.getReceivedMessages().length;
		assertThat(beforeKill).as("killed in the middle").isLessThan(SUBSCRIBERS);

		Instant restarted = Instant.now();
		AppProcess second = AppProcess.start(this.dataDir, "second");
		second.awaitReady(this.http);
		Duration toReady = Duration.between(restarted, Instant.now());
		await().atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> distinctRecipients() >= SUBSCRIBERS);
		Duration toFinish = Duration.between(restarted, Instant.now());
		// anything still to come (a duplicate) would come now
		Thread.sleep(2000);
		second.stop();

		MimeMessage[] received = smtp.getReceivedMessages();
		Map<String, List<String>> idsByRecipient = new HashMap<>();
		for (MimeMessage message : received) {
			idsByRecipient
				.computeIfAbsent(message.getRecipients(Message.RecipientType.TO)[0].toString(),
						(key) -> new ArrayList<>())
				.add(message.getMessageID());
		}
		int lost = SUBSCRIBERS - idsByRecipient.size();
		int duplicates = received.length - idsByRecipient.size();
		System.out.printf(
				"kill -9 mid fan-out: %d subscribers, %d delivered before the kill, %d lost, %d duplicates, "
						+ "%d ms from the restart to the last delivery (ready after %d ms)%n",
				SUBSCRIBERS, beforeKill, lost, duplicates, toFinish.toMillis(), toReady.toMillis());
		assertThat(lost).isZero();
		assertThat(duplicates).as("at most one message per sender thread in flight").isLessThanOrEqualTo(SENDERS);
		idsByRecipient.values()
			.stream()
			.filter((ids) -> ids.size() > 1)
			.forEach((ids) -> assertThat(ids).as("a message sent again has the same Message-ID")
				.containsOnly(ids.get(0)));
		try (Connection connection = connect()) {
			ResultSet sent = connection.createStatement()
				.executeQuery("SELECT COUNT(*) FROM deliveries WHERE status = 'sent'");
			sent.next();
			assertThat(sent.getInt(1)).isEqualTo(SUBSCRIBERS);
		}
	}

	private long distinctRecipients() throws Exception {
		return java.util.Arrays.stream(smtp.getReceivedMessages()).map((message) -> {
			try {
				return message.getRecipients(Message.RecipientType.TO)[0].toString();
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).distinct().count();
	}

	private void insertVerifiedSubscribers() throws Exception {
		Timestamp now = Timestamp.from(Instant.now());
		try (Connection connection = connect();
				PreparedStatement insert = connection.prepareStatement(
						"INSERT INTO subscribers (email, verify_code, verified_at, global, created_at, updated_at) "
								+ "VALUES (?, ?, ?, TRUE, ?, ?)")) {
			connection.setAutoCommit(false);
			for (int i = 0; i < SUBSCRIBERS; i++) {
				insert.setString(1, "killed" + i + "@example.com");
				insert.setString(2, "code" + i);
				insert.setTimestamp(3, now);
				insert.setTimestamp(4, now);
				insert.setTimestamp(5, now);
				insert.addBatch();
			}
			insert.executeBatch();
			connection.commit();
		}
	}

	private Connection connect() throws Exception {
		return DriverManager.getConnection("jdbc:h2:file:" + this.dataDir.resolve("cachet"), "", "");
	}

	/**
	 * The application in a JVM of its own, on the test's class path.
	 */
	record AppProcess(Process process, int port, Path log) {

		static AppProcess start(Path dataDir, String name) throws IOException {
			int port;
			try (ServerSocket socket = new ServerSocket(0)) {
				port = socket.getLocalPort();
			}
			List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
					"-Xmx512m", "-XX:TieredStopAtLevel=1", "-Duser.timezone=UTC", "-cp",
					System.getProperty("java.class.path"), CachetApplication.class.getName(),
					"--spring.datasource.url=", "--cachet.data-dir=" + dataDir, "--server.port=" + port,
					"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.getSmtp().getPort(),
					"--cachet.notifications.poll-interval=50ms", "--CACHET_ADMIN_USERNAME=admin",
					"--CACHET_ADMIN_EMAIL=admin@example.com", "--CACHET_ADMIN_PASSWORD=correct horse battery",
					"--CACHET_ADMIN_API_TOKEN=" + TOKEN);
			Path log = dataDir.resolve(name + ".log");
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			return new AppProcess(process, port, log);
		}

		URI uri(String path) {
			return URI.create("http://127.0.0.1:" + this.port + path);
		}

		void awaitReady(HttpClient http) {
			await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
				assertThat(this.process.isAlive()).as(() -> "the application is running:\n" + readLog()).isTrue();
				try {
					return http
						.send(HttpRequest.newBuilder(uri("/api/v1/ping")).build(), HttpResponse.BodyHandlers.ofString())
						.statusCode() == 200;
				}
				catch (IOException ex) {
					return false;
				}
			});
		}

		/** SIGKILL on Linux: no shutdown hook, nothing finished or flushed. */
		void kill() throws InterruptedException {
			this.process.destroyForcibly();
			assertThat(this.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		}

		/** SIGTERM: a graceful stop. */
		void stop() throws InterruptedException {
			this.process.destroy();
			if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor();
			}
		}

		private String readLog() {
			try {
				return Files.readString(this.log);
			}
			catch (IOException ex) {
				return ex.toString();
			}
		}

	}

}
