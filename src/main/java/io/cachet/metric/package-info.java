/**
 * Metrics (response time, uptime…) and their points, with Cachet's 30-second rounding and
 * counter merging.
 */
@ApplicationModule(allowedDependencies = { "audit", "config", "shared" })
@NullMarked
package io.cachet.metric;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
