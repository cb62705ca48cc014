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

	/**
	 * A visible incident, not stickied, that notifies subscribers, affects no component,
	 * has no message and occurs now; the {@code with…} methods set the rest.
	 */
	public static CreateIncident named(String name, IncidentStatus status) {
		return new CreateIncident(name, status, null, 0, null, null, Map.of(), true, false, true, null, null, List.of(),
				null);
	}

	/**
	 * @param componentId the component whose status the incident sets, or {@code 0}
	 * @param componentStatus its new status, or {@code null} to leave it
	 */
	public CreateIncident withComponent(long componentId, @Nullable ComponentStatus componentStatus) {
		return new CreateIncident(this.name, this.status, this.message, componentId, componentStatus, this.templateSlug,
				this.vars, this.visible, this.stickied, this.notifySubscribers, this.occurredAt, this.userId,
				this.components, this.meta);
	}

	public CreateIncident withMessage(@Nullable String message) {
		return new CreateIncident(this.name, this.status, message, this.componentId, this.componentStatus,
				this.templateSlug, this.vars, this.visible, this.stickied, this.notifySubscribers, this.occurredAt,
				this.userId, this.components, this.meta);
	}

	public CreateIncident withTemplateSlug(@Nullable String templateSlug) {
		return new CreateIncident(this.name, this.status, this.message, this.componentId, this.componentStatus,
				templateSlug, this.vars, this.visible, this.stickied, this.notifySubscribers, this.occurredAt,
				this.userId, this.components, this.meta);
	}

	public CreateIncident withVars(Map<String, Object> vars) {
		return new CreateIncident(this.name, this.status, this.message, this.componentId, this.componentStatus,
				this.templateSlug, vars, this.visible, this.stickied, this.notifySubscribers, this.occurredAt,
				this.userId, this.components, this.meta);
	}

	public CreateIncident withVisible(boolean visible) {
		return new CreateIncident(this.name, this.status, this.message, this.componentId, this.componentStatus,
				this.templateSlug, this.vars, visible, this.stickied, this.notifySubscribers, this.occurredAt,
				this.userId, this.components, this.meta);
	}

	public CreateIncident withStickied(boolean stickied) {
		return new CreateIncident(this.name, this.status, this.message, this.componentId, this.componentStatus,
				this.templateSlug, this.vars, this.visible, stickied, this.notifySubscribers, this.occurredAt,
				this.userId, this.components, this.meta);
	}

	public CreateIncident withNotifySubscribers(boolean notifySubscribers) {
		return new CreateIncident(this.name, this.status, this.message, this.componentId, this.componentStatus,
				this.templateSlug, this.vars, this.visible, this.stickied, notifySubscribers, this.occurredAt,
				this.userId, this.components, this.meta);
	}

	public CreateIncident withOccurredAt(@Nullable Instant occurredAt) {
		return new CreateIncident(this.name, this.status, this.message, this.componentId, this.componentStatus,
				this.templateSlug, this.vars, this.visible, this.stickied, this.notifySubscribers, occurredAt,
				this.userId, this.components, this.meta);
	}

	public CreateIncident withUserId(@Nullable Long userId) {
		return new CreateIncident(this.name, this.status, this.message, this.componentId, this.componentStatus,
				this.templateSlug, this.vars, this.visible, this.stickied, this.notifySubscribers, this.occurredAt,
				userId, this.components, this.meta);
	}

	public CreateIncident withComponents(List<AffectedComponent> components) {
		return new CreateIncident(this.name, this.status, this.message, this.componentId, this.componentStatus,
				this.templateSlug, this.vars, this.visible, this.stickied, this.notifySubscribers, this.occurredAt,
				this.userId, components, this.meta);
	}

	public CreateIncident withMeta(@Nullable Map<String, Object> meta) {
		return new CreateIncident(this.name, this.status, this.message, this.componentId, this.componentStatus,
				this.templateSlug, this.vars, this.visible, this.stickied, this.notifySubscribers, this.occurredAt,
				this.userId, this.components, meta);
	}

}
