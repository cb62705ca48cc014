package io.cachet.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

import io.cachet.component.UpdateComponentGroup;

/**
 * {@code PUT /api/v1/components/groups/{id}}: a field that is absent or {@code null} is
 * left as it is.
 */
@ApiRequest
record UpdateComponentGroupRequest(@Filled @Nullable String name, @Nullable Integer order,
		@Min(0) @Max(4) @Nullable Integer collapsed,
		@JsonDeserialize(using = GroupVisibility.class) @Min(0) @Max(1) @Nullable Integer visible) {

	UpdateComponentGroup command() {
		return new UpdateComponentGroup(this.name, this.order, this.collapsed, this.visible);
	}

}
