package io.cachet.monitor;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import io.cachet.component.ComponentService;
import io.cachet.component.ComponentStatus;
import io.cachet.component.CreateComponent;
import io.cachet.crypto.SecretsAtRest;
import io.cachet.monitor.internal.MonitorRepository;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The monitor tables on each database (run by the subclasses): a monitor is saved with
 * all its fields, checked, its result stored and read back, changed, pruned and deleted.
 */
abstract class MonitorStoreContractTests {

	@Autowired
	MonitorService monitors;

	@Autowired
	MonitorRepository repository;

	@Autowired
	ComponentService components;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SecretsAtRest secretsAtRest;

	@Test
	void requestHeadersAreStoredEncryptedAndOldPlainOnesEncryptedByTheNextPass() {
		long component = this.components
			.createComponent(new CreateComponent("Guarded " + UUID.randomUUID(), "", "", ComponentStatus.UNKNOWN, 0, 0,
					true, null, List.of()))
			.id();
		String credential = "Bearer s3cret-" + UUID.randomUUID();
		MonitorView created = this.monitors.createMonitor(new SaveMonitor(component, MonitorType.HTTP,
				"https://status.example.com/health", 3600, 2, List.of(200), null, false, null,
				Map.of("Authorization", credential), false, null, null, 1, 1, false, null, false));

		assertThat(rawHeaders(created.id())).startsWith("enc:v1:").doesNotContain(credential);
		assertThat(this.monitors.getMonitor(created.id()).headers()).containsEntry("Authorization", credential);

		// as a version from before encryption stored them
		this.jdbc.sql("UPDATE monitors SET headers = ? WHERE id = ?")
			.params("{\"Authorization\":\"" + credential + "\"}", created.id())
			.update();
		assertThat(this.monitors.getMonitor(created.id()).headers()).containsEntry("Authorization", credential);
		this.secretsAtRest.migrate();

		assertThat(rawHeaders(created.id())).startsWith("enc:v1:").doesNotContain(credential);
		assertThat(this.monitors.getMonitor(created.id()).headers()).containsEntry("Authorization", credential);
		this.monitors.deleteMonitor(created.id());
	}

	private String rawHeaders(long id) {
		return this.jdbc.sql("SELECT headers FROM monitors WHERE id = ?").param(id).query(String.class).single();
	}

	@Test
	void aMonitorIsStoredCheckedAndPruned() throws Exception {
		HttpServer target = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		target.createContext("/", (exchange) -> {
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		target.start();
		try {
			long component = this.components
				.createComponent(new CreateComponent("Monitored " + UUID.randomUUID(), "", "", ComponentStatus.UNKNOWN,
						0, 0, true, null, List.of()))
				.id();
			MonitorView created = this.monitors.createMonitor(new SaveMonitor(component, MonitorType.HTTP,
					"http://127.0.0.1:" + target.getAddress().getPort() + "/ping", 10, 2, List.of(200, 204), null,
					false, 800, Map.of("X-Probe", "cachet"), false, null, null, 1, 1, false, null, true));
			assertThat(created.expectedStatus()).containsExactly(200, 204);
			assertThat(created.headers()).containsEntry("X-Probe", "cachet");
			assertThat(created.latencyThresholdMs()).isEqualTo(800);

			await().atMost(Duration.ofSeconds(30))
				.until(() -> this.components.getComponent(component).status() == ComponentStatus.OPERATIONAL);
			var results = this.monitors.findResults(created.id(), 1, 10);
			assertThat(results.total()).isPositive();
			assertThat(results.items().get(0).outcome()).isEqualTo("up");
			assertThat(results.items().get(0).statusCode()).isEqualTo(204);
			assertThat(this.monitors.getMonitor(created.id()).state()).isEqualTo(MonitorState.UP);

			MonitorView changed = this.monitors.updateMonitor(created.id(), new SaveMonitor(null, null, null, 3600,
					null, null, "ok", true, null, null, null, null, null, null, null, null, null, false));
			assertThat(changed.keyword()).isEqualTo("ok");
			assertThat(changed.keywordAbsent()).isTrue();
			assertThat(changed.enabled()).isFalse();

			this.repository.pruneResultsBefore(Instant.now().plus(Duration.ofDays(1)));
			assertThat(this.monitors.findResults(created.id(), 1, 10).total()).isZero();
			this.monitors.deleteMonitor(created.id());
			assertThat(this.repository.findById(created.id())).isEmpty();
		}
		finally {
			target.stop(0);
		}
	}

}
