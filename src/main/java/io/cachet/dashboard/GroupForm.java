package io.cachet.dashboard;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import io.cachet.component.ComponentGroupView;

/**
 * The component group form.
 *
 * @param collapsed 0 always expanded, 1 collapsed, 2 collapsed unless a component has
 * issues
 * @param visible 1 public, 0 only for logged-in users
 */
record GroupForm(@NotBlank @Size(max = 255) @Nullable String name, @Min(0) int order, @Min(0) @Max(2) int collapsed,
		@Min(0) @Max(1) int visible) {

	static GroupForm empty() {
		return new GroupForm("", 0, 0, 1);
	}

	static GroupForm of(ComponentGroupView group) {
		return new GroupForm(group.name(), group.order(), group.collapsed(), group.visible());
	}

}
