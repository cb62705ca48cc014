package io.cachet.component;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Command to change a component: a {@code null} field is left unchanged.
 *
 * @param silent when the status changes, do not notify the component's subscribers
 */
public record UpdateComponent(@Nullable String name, @Nullable String description, @Nullable String link,
		@Nullable ComponentStatus status, @Nullable Integer order, @Nullable Long groupId, @Nullable Boolean enabled,
		@Nullable Map<String, Object> meta, @Nullable List<String> tags, boolean silent) {

}
