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

	private static final UpdateIncident NOTHING = new UpdateIncident(null, null, null, null, null, null, Map.of(), null,
			null, null, null, null, null);

	/**
	 * A change of nothing yet; the {@code with…} methods name what changes.
	 */
	public static UpdateIncident change() {
		return NOTHING;
	}

	public UpdateIncident withName(@Nullable String name) {
		return new UpdateIncident(name, this.status, this.message, this.componentId, this.componentStatus,
				this.templateSlug, this.vars, this.visible, this.stickied, this.notifySubscribers, this.occurredAt,
				this.components, this.meta);
	}

	public UpdateIncident withStatus(@Nullable IncidentStatus status) {
		return new UpdateIncident(this.name, status, this.message, this.componentId, this.componentStatus,
				this.templateSlug, this.vars, this.visible, this.stickied, this.notifySubscribers, this.occurredAt,
				this.components, this.meta);
	}

	public UpdateIncident withMessage(@Nullable String message) {
		return new UpdateIncident(this.name, this.status, message, this.componentId, this.componentStatus,
				this.templateSlug, this.vars, this.visible, this.stickied, this.notifySubscribers, this.occurredAt,
				this.components, this.meta);
	}

	public UpdateIncident withComponentId(@Nullable Long componentId) {
		return new UpdateIncident(this.name, this.status, this.message, componentId, this.componentStatus,
				this.templateSlug, this.vars, this.visible, this.stickied, this.notifySubscribers, this.occurredAt,
				this.components, this.meta);
	}

	public UpdateIncident withComponentStatus(@Nullable ComponentStatus componentStatus) {
		return new UpdateIncident(this.name, this.status, this.message, this.componentId, componentStatus,
				this.templateSlug, this.vars, this.visible, this.stickied, this.notifySubscribers, this.occurredAt,
				this.components, this.meta);
	}

	public UpdateIncident withTemplateSlug(@Nullable String templateSlug) {
		return new UpdateIncident(this.name, this.status, this.message, this.componentId, this.componentStatus,
				templateSlug, this.vars, this.visible, this.stickied, this.notifySubscribers, this.occurredAt,
				this.components, this.meta);
	}

	public UpdateIncident withVars(Map<String, Object> vars) {
		return new UpdateIncident(this.name, this.status, this.message, this.componentId, this.componentStatus,
				this.templateSlug, vars, this.visible, this.stickied, this.notifySubscribers, this.occurredAt,
				this.components, this.meta);
	}

	public UpdateIncident withVisible(@Nullable Boolean visible) {
		return new UpdateIncident(this.name, this.status, this.message, this.componentId, this.componentStatus,
				this.templateSlug, this.vars, visible, this.stickied, this.notifySubscribers, this.occurredAt,
				this.components, this.meta);
	}

	public UpdateIncident withStickied(@Nullable Boolean stickied) {
		return new UpdateIncident(this.name, this.status, this.message, this.componentId, this.componentStatus,
				this.templateSlug, this.vars, this.visible, stickied, this.notifySubscribers, this.occurredAt,
				this.components, this.meta);
	}

	public UpdateIncident withNotifySubscribers(@Nullable Boolean notifySubscribers) {
		return new UpdateIncident(this.name, this.status, this.message, this.componentId, this.componentStatus,
				this.templateSlug, this.vars, this.visible, this.stickied, notifySubscribers, this.occurredAt,
				this.components, this.meta);
	}

	public UpdateIncident withOccurredAt(@Nullable Instant occurredAt) {
		return new UpdateIncident(this.name, this.status, this.message, this.componentId, this.componentStatus,
				this.templateSlug, this.vars, this.visible, this.stickied, this.notifySubscribers, occurredAt,
				this.components, this.meta);
	}

	public UpdateIncident withComponents(@Nullable List<AffectedComponent> components) {
		return new UpdateIncident(this.name, this.status, this.message, this.componentId, this.componentStatus,
				this.templateSlug, this.vars, this.visible, this.stickied, this.notifySubscribers, this.occurredAt,
				components, this.meta);
	}

	public UpdateIncident withMeta(@Nullable Map<String, Object> meta) {
		return new UpdateIncident(this.name, this.status, this.message, this.componentId, this.componentStatus,
				this.templateSlug, this.vars, this.visible, this.stickied, this.notifySubscribers, this.occurredAt,
				this.components, meta);
	}

}
