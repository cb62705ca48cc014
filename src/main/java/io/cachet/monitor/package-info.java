/**
 * Built-in monitors: HTTP(S), TCP, DNS, TLS-certificate and push (heartbeat) checks that
 * set their component's status, can open and resolve an incident, and can feed a metric.
 * <p>
 * The {@link MonitorScheduler} runs each enabled monitor at its interval on a bounded
 * pool; every check has its own timeout, so a slow or hanging target holds one thread for
 * at most that long and never delays the others. {@link MonitorResults} records each
 * result and applies the thresholds: {@code failure_threshold} failures in a row make the
 * monitor down (major outage), {@code recovery_threshold} successes in a row bring it
 * back; an answer slower than the latency threshold counts as performance issues.
 */
@ApplicationModule(allowedDependencies = { "audit", "backup", "cluster", "component", "crypto", "incident", "metric",
		"outbound", "settings", "shared" })
@NullMarked
package io.cachet.monitor;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
