package io.cachet.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

import io.cachet.component.ComponentStatus;
import io.cachet.incident.AffectedComponent;
import io.cachet.incident.CreateIncident;
import io.cachet.incident.IncidentStatus;

/**
 * {@code POST /api/v1/incidents}. The message may come from a {@code template} (a slug)
 * rendered with {@code vars}; {@code components} sets the status of several components
 * ({@code [{"id":1,"status":3}]} or {@code {"1":3}}), {@code component_id} with
 * {@code component_status} of one.
 */
@ApiRequest
record CreateIncidentRequest(@NotBlank @Size(max = 255) @Nullable String name,
		@NotNull @Min(0) @Max(4) @Nullable Integer status, @Nullable String template, @Nullable String message,
		@JsonProperty("component_id") @Nullable Long componentId,
		@JsonProperty("component_status") @Min(0) @Max(4) @Nullable Integer componentStatus,
		@JsonProperty("occurred_at") @Nullable Instant occurredAt,
		@JsonDeserialize(using = LenientInput.JsonObject.class) @Nullable Map<String, Object> vars,
		@Nullable Boolean visible, @Nullable Boolean stickied,
		@JsonProperty("notify") @Nullable Boolean notifySubscribers,
		@JsonDeserialize(using = IncidentComponents.class) @Nullable List<AffectedComponent> components,
		@JsonDeserialize(using = LenientInput.JsonObject.class) @Nullable Map<String, Object> meta) {

	@JsonIgnore
	@AssertTrue(message = "The message field is required.")
	boolean isMessageGivenOrTemplate() {
		return this.template != null || (this.message != null && !this.message.isBlank());
	}

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

	@SuppressWarnings("NullAway")
	CreateIncident command(@Nullable Long userId) {
		return CreateIncident.named(this.name, IncidentStatus.of(this.status))
			.withMessage(this.message)
			.withComponent((this.componentId != null) ? this.componentId : 0,
					(this.componentStatus != null) ? ComponentStatus.of(this.componentStatus) : null)
			.withTemplateSlug(this.template)
			.withVars((this.vars != null) ? this.vars : Map.of())
			.withVisible((this.visible != null) ? this.visible : true)
			.withStickied((this.stickied != null) ? this.stickied : false)
			.withNotifySubscribers((this.notifySubscribers != null) ? this.notifySubscribers : true)
			.withOccurredAt(this.occurredAt)
			.withUserId(userId)
			.withComponents((this.components != null) ? this.components : List.of())
			.withMeta(this.meta);
	}

}
