package io.cachet.component;

import org.jspecify.annotations.Nullable;

/**
 * Command to change a component group: a {@code null} field is left unchanged.
 */
public record UpdateComponentGroup(@Nullable String name, @Nullable Integer order, @Nullable Integer collapsed,
		@Nullable Integer visible) {

}
