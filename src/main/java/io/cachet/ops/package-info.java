/**
 * Operations: access to the Prometheus metrics endpoint. The meters themselves live in
 * the modules that own the data ({@code StatusPageMetrics}, {@code NotificationMetrics},
 * {@code MonitorMetrics}); the health probes are Spring Boot's.
 */
@ApplicationModule(allowedDependencies = { "backup", "crypto" })
@NullMarked
package io.cachet.ops;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
