package io.cachet.monitor;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

import io.cachet.monitor.internal.MonitorRepository;
import io.cachet.shared.CachedValue;

/**
 * The monitors' meters: {@code cachet.monitor.checks} (checks by monitor {@code type} and
 * {@code outcome}: {@code up}, {@code degraded}, {@code down}) and
 * {@code cachet.monitors} (enabled monitors by {@code state}, read from the database at
 * most every 10 seconds).
 */
@Component
class MonitorMetrics {

	private static final Map<MonitorState, Long> UNREADABLE = Map.of();

	private final Map<MonitorType, Map<MonitorState, Counter>> checks = new EnumMap<>(MonitorType.class);

	MonitorMetrics(MeterRegistry registry, MonitorRepository monitors) {
		for (MonitorType type : MonitorType.values()) {
			Map<MonitorState, Counter> byOutcome = new EnumMap<>(MonitorState.class);
			for (MonitorState outcome : MonitorState.values()) {
				if (outcome != MonitorState.UNKNOWN) {
					byOutcome.put(outcome,
							Counter.builder("cachet.monitor.checks")
								.description("Checks made by the built-in monitors")
								.tag("type", type.value())
								.tag("outcome", outcome.value())
								.register(registry));
				}
			}
			this.checks.put(type, byOutcome);
		}
		var states = new CachedValue<>(Duration.ofSeconds(10), UNREADABLE, monitors::countEnabledByState);
		for (MonitorState state : MonitorState.values()) {
			Gauge.builder("cachet.monitors", () -> {
				Map<MonitorState, Long> counts = states.get();
				return (counts == UNREADABLE) ? Double.NaN : counts.getOrDefault(state, 0L);
			})
				.description("Enabled monitors by state (NaN when the database cannot be read)")
				.tag("state", state.value())
				.register(registry);
		}
	}

	void checked(MonitorType type, MonitorState outcome) {
		Counter counter = this.checks.get(type).get(outcome);
		if (counter != null) {
			counter.increment();
		}
	}

}
