/**
 * Third-party components ("upstreams"): other status pages this page follows, either a
 * Statuspage-format {@code summary.json} or another Cachet's {@code /api/v1/components}.
 * <p>
 * Each upstream gets a component group named after it with one component per upstream
 * component, created on the first successful poll and kept in step afterwards (new
 * components added, names followed, statuses changed with the {@code upstream} source so
 * the uptime history tells them apart). The {@link UpstreamPoller} fetches each enabled
 * upstream when its interval has passed, a few at a time, contacting only the address the
 * owner configured. An upstream that stays unreachable or answers nonsense for longer
 * than its grace period turns its components unknown; it never makes up an outage.
 */
@ApplicationModule(allowedDependencies = { "audit", "cluster", "component", "outbound", "shared" })
@NullMarked
package io.cachet.upstream;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
