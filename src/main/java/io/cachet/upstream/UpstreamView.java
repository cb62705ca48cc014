package io.cachet.upstream;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A followed status page.
 *
 * @param kind the page's format, {@code null} until it was given or first detected
 * @param intervalSeconds how often it is fetched
 * @param graceSeconds how long it may be unreachable before its components become unknown
 * @param componentGroupId the group its components are mirrored into, {@code null} until
 * the first successful fetch
 * @param lastError why the last fetch failed, {@code null} after a success
 * @param components its components, in the upstream's order
 */
public record UpstreamView(long id, String name, String url, @Nullable UpstreamKind kind, int intervalSeconds,
		int graceSeconds, @Nullable Long componentGroupId, boolean enabled, @Nullable Instant lastPolledAt,
		@Nullable Instant lastSuccessAt, @Nullable String lastError, Instant createdAt, Instant updatedAt,
		List<UpstreamComponentView> components) {

	public UpstreamView withComponents(List<UpstreamComponentView> mirrored) {
		return new UpstreamView(this.id, this.name, this.url, this.kind, this.intervalSeconds, this.graceSeconds,
				this.componentGroupId, this.enabled, this.lastPolledAt, this.lastSuccessAt, this.lastError,
				this.createdAt, this.updatedAt, List.copyOf(mirrored));
	}

}
