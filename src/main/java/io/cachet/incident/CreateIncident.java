package io.cachet.incident;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.cachet.component.ComponentStatus;

/**
 * Command to open an incident.
 *
 * @param message markdown; ignored when a template is given
 * @param templateSlug render this incident template (with {@code vars}) as the message
 * @param occurredAt when it started; now when {@code null}
 * @param componentId Cachet's single component: its status is set to
 * {@code componentStatus} when it exists (an unknown one is kept but ignored, as Cachet
 * does)
 * @param components the components it affects and the status each gets (set silently: the
 * incident notifies on its own)
 * @param meta arbitrary key/value data
 */
public record CreateIncident(String name, IncidentStatus status, @Nullable String message, long componentId,
		@Nullable ComponentStatus componentStatus, @Nullable String templateSlug, Map<String, Object> vars,
		boolean visible, boolean stickied, boolean notifySubscribers, @Nullable Instant occurredAt,
		@Nullable Long userId, List<AffectedComponent> components, @Nullable Map<String, Object> meta) {

}
