package io.cachet.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

import io.cachet.component.CreateComponentGroup;

/**
 * {@code POST /api/v1/components/groups}. {@code visible} is 0/1 or a boolean.
 */
@ApiRequest
record CreateComponentGroupRequest(@NotBlank @Nullable String name, @Nullable Integer order,
		@Min(0) @Max(4) @Nullable Integer collapsed,
		@JsonDeserialize(using = GroupVisibility.class) @Min(0) @Max(1) @Nullable Integer visible) {

	@SuppressWarnings("NullAway")
	CreateComponentGroup command() {
		return new CreateComponentGroup(this.name, (this.order != null) ? this.order : 0,
				(this.collapsed != null) ? this.collapsed : 0, (this.visible != null) ? this.visible : 0);
	}

}
