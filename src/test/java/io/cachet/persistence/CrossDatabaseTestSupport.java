package io.cachet.persistence;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * What the cross-database test contexts add to the application: a clean schema at
 * start-up and a listener that proves the event publication log works.
 */
@TestConfiguration(proxyBeanMethods = false)
public class CrossDatabaseTestSupport {

	@Bean
	ProbeListener probeListener() {
		return new ProbeListener();
	}

	/**
	 * Starts the shared PostgreSQL and MariaDB test databases from an empty schema.
	 */
	@Bean
	FlywayMigrationStrategy cleanThenMigrate() {
		return (flyway) -> {
			flyway.clean();
			flyway.migrate();
		};
	}

	public record ProbeEvent(String marker) {

	}

	public static class ProbeListener {

		private final Set<String> received = ConcurrentHashMap.newKeySet();

		@ApplicationModuleListener
		public void on(ProbeEvent event) {
			this.received.add(event.marker());
		}

		public boolean hasReceived(String marker) {
			return this.received.contains(marker);
		}

	}

}
