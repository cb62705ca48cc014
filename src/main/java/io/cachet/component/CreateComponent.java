package io.cachet.component;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Command to create a component; validated by the caller's channel (API or form).
 *
 * @param tags tag names; their slugs are derived
 */
public record CreateComponent(String name, @Nullable String description, @Nullable String link, ComponentStatus status,
		int order, long groupId, boolean enabled, @Nullable Map<String, Object> meta, List<String> tags) {

}
