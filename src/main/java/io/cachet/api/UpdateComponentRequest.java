package io.cachet.api;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

import io.cachet.component.ComponentStatus;
import io.cachet.component.UpdateComponent;

/**
 * {@code PUT /api/v1/components/{id}}: a field that is absent or {@code null} is left as
 * it is. {@code silent} changes the status without notifying anyone.
 */
@ApiRequest
record UpdateComponentRequest(@Filled @Nullable String name, @Min(0) @Max(4) @Nullable Integer status,
		@Nullable String description, @HttpUrl @Nullable String link, @Nullable Integer order,
		@JsonProperty("group_id") @Nullable Long groupId, @Nullable Boolean enabled,
		@JsonDeserialize(using = LenientInput.JsonObject.class) @Nullable Map<String, Object> meta,
		@JsonDeserialize(using = ComponentTags.class) @Nullable List<String> tags, @Nullable Boolean silent) {

	UpdateComponent command() {
		return UpdateComponent.change()
			.withName(this.name)
			.withDescription(this.description)
			.withLink(HttpUrl.Validator.normalize(this.link))
			.withStatus((this.status != null) ? ComponentStatus.of(this.status) : null)
			.withOrder(this.order)
			.withGroupId(this.groupId)
			.withEnabled(this.enabled)
			.withMeta(this.meta)
			.withTags(this.tags)
			.withSilent(Boolean.TRUE.equals(this.silent));
	}

}
