package io.cachet.api;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

import io.cachet.component.ComponentStatus;
import io.cachet.component.CreateComponent;

/**
 * {@code POST /api/v1/components}. {@code tags} is one string, "Foo, Bar", or a list.
 */
@ApiRequest
record CreateComponentRequest(@NotBlank @Nullable String name, @NotNull @Min(0) @Max(4) @Nullable Integer status,
		@Nullable String description, @HttpUrl @Nullable String link, @Nullable Integer order,
		@JsonProperty("group_id") @Nullable Long groupId, @Nullable Boolean enabled,
		@JsonDeserialize(using = LenientInput.JsonObject.class) @Nullable Map<String, Object> meta,
		@JsonDeserialize(using = ComponentTags.class) @Nullable List<String> tags) {

	@SuppressWarnings("NullAway")
	CreateComponent command() {
		return CreateComponent.named(this.name, ComponentStatus.of(this.status))
			.withDescription(this.description)
			.withLink(HttpUrl.Validator.normalize(this.link))
			.withOrder((this.order != null) ? this.order : 0)
			.withGroupId((this.groupId != null) ? this.groupId : 0)
			.withEnabled((this.enabled != null) ? this.enabled : true)
			.withMeta(this.meta)
			.withTags((this.tags != null) ? this.tags : List.of());
	}

}
