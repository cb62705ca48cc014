package io.cachet.persistence;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * What the cross-database test contexts add to the application: a listener that proves
 * the event publication log works and, on the database servers ({@link CleanSchema}), a
 * clean schema at start-up. The shared H2 context
 * ({@link io.cachet.CachetIntegrationTest}) has the listener too, so that the
 * {@link OnH2} classes run in it.
 */
@TestConfiguration(proxyBeanMethods = false)
public class CrossDatabaseTestSupport {

	@Bean
	ProbeListener probeListener() {
		return new ProbeListener();
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
