package io.cachet.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

import io.cachet.component.ComponentStatus;
import io.cachet.incident.AffectedComponent;
import io.cachet.incident.IncidentStatus;
import io.cachet.incident.UpdateIncident;

/**
 * {@code PUT /api/v1/incidents/{id}}: a field that is absent or {@code null} is left as
 * it is; the fields are those of {@link CreateIncidentRequest}.
 */
@ApiRequest
record UpdateIncidentRequest(@Filled @Size(max = 255) @Nullable String name, @Min(0) @Max(4) @Nullable Integer status,
		@Nullable String message, @Nullable String template, @JsonProperty("component_id") @Nullable Long componentId,
		@JsonProperty("component_status") @Min(0) @Max(4) @Nullable Integer componentStatus,
		@JsonProperty("occurred_at") @Nullable Instant occurredAt,
		@JsonDeserialize(using = LenientInput.JsonObject.class) @Nullable Map<String, Object> vars,
		@Nullable Boolean visible, @Nullable Boolean stickied,
		@JsonProperty("notify") @Nullable Boolean notifySubscribers,
		@JsonDeserialize(using = IncidentComponents.class) @Nullable List<AffectedComponent> components,
		@JsonDeserialize(using = LenientInput.JsonObject.class) @Nullable Map<String, Object> meta) {

	@JsonIgnore
	@AssertTrue(message = "The component status field is required when component id is present.")
	boolean isComponentStatusGivenWithId() {
		return this.componentId == null || this.componentStatus != null;
	}

	@JsonIgnore
	@AssertTrue(message = "The component id field is required when component status is present.")
	boolean isComponentStatusGivenWithoutId() {
		return this.componentStatus == null || this.componentId != null;
	}

	UpdateIncident command() {
		return UpdateIncident.change()
			.withName(this.name)
			.withStatus((this.status != null) ? IncidentStatus.of(this.status) : null)
			.withMessage(this.message)
			.withComponentId(this.componentId)
			.withComponentStatus((this.componentStatus != null) ? ComponentStatus.of(this.componentStatus) : null)
			.withTemplateSlug(this.template)
			.withVars((this.vars != null) ? this.vars : Map.of())
			.withVisible(this.visible)
			.withStickied(this.stickied)
			.withNotifySubscribers(this.notifySubscribers)
			.withOccurredAt(this.occurredAt)
			.withComponents(this.components)
			.withMeta(this.meta);
	}

}
