package io.cachet.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An incident with its updates (newest first), the components it affects and its meta
 * data.
 *
 * @param componentId the one component Cachet 2.4 clients know of (0 when none)
 */
public record IncidentView(long id, @Nullable Long userId, long componentId, String name, IncidentStatus status,
		boolean visible, boolean stickied, boolean notifications, String message, Instant occurredAt, Instant createdAt,
		Instant updatedAt, @Nullable Instant deletedAt, Map<String, Object> meta, List<IncidentUpdateView> updates,
		List<AffectedComponent> components) {

	public @Nullable IncidentUpdateView latestUpdate() {
		return this.updates.isEmpty() ? null : this.updates.get(0);
	}

	/**
	 * @return the latest update's status, else the incident's own
	 */
	public IncidentStatus latestStatus() {
		IncidentUpdateView latest = latestUpdate();
		return (latest != null) ? latest.status() : this.status;
	}

	public boolean isResolved() {
		return latestStatus() == IncidentStatus.FIXED;
	}

	/**
	 * @return the time from the incident to its latest update, zero without updates
	 */
	public Duration duration() {
		IncidentUpdateView latest = latestUpdate();
		return (latest != null) ? Duration.between(this.occurredAt, latest.createdAt()) : Duration.ZERO;
	}

}
