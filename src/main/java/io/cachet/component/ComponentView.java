package io.cachet.component;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A component as other modules see it.
 *
 * @param groupId 0 when ungrouped
 * @param meta arbitrary JSON object, or {@code null}
 * @param tags tag slug to tag name, in name order
 */
public record ComponentView(long id, String name, String description, String link, ComponentStatus status, int order,
		long groupId, boolean enabled, @Nullable Map<String, Object> meta, Map<String, String> tags, Instant createdAt,
		Instant updatedAt, @Nullable Instant deletedAt) {

}
