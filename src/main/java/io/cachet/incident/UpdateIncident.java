package io.cachet.incident;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.cachet.component.ComponentStatus;

/**
 * Command to change an incident: a {@code null} field is left unchanged.
 *
 * @param componentId Cachet's single component: its status is set to
 * {@code componentStatus} when it exists (an unknown one is kept but ignored, as Cachet
 * does)
 * @param components when not {@code null}, replaces the affected components
 */
public record UpdateIncident(@Nullable String name, @Nullable IncidentStatus status, @Nullable String message,
		@Nullable Long componentId, @Nullable ComponentStatus componentStatus, @Nullable String templateSlug,
		Map<String, Object> vars, @Nullable Boolean visible, @Nullable Boolean stickied,
		@Nullable Boolean notifySubscribers, @Nullable Instant occurredAt, @Nullable List<AffectedComponent> components,
		@Nullable Map<String, Object> meta) {

}
