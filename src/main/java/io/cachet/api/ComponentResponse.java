package io.cachet.api;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

import io.cachet.component.ComponentView;

/**
 * A component in Cachet 2.4's shape. {@code tags} is {@code {"slug":"Name"}}, or
 * {@code []} when there are none (PHP serialises an empty array so).
 */
@JsonPropertyOrder({ "id", "name", "description", "link", "status", "order", "group_id", "enabled", "meta",
		"created_at", "updated_at", "deleted_at", "status_name", "tags" })
record ComponentResponse(long id, String name, String description, String link, int status, int order,
		@JsonProperty("group_id") long groupId, boolean enabled, @Nullable Map<String, Object> meta,
		@JsonProperty("created_at") @Nullable String createdAt, @JsonProperty("updated_at") @Nullable String updatedAt,
		@JsonProperty("deleted_at") @Nullable String deletedAt, @JsonProperty("status_name") String statusName,
		Object tags) {

	static ComponentResponse of(ComponentView component, ApiTimes times) {
		return new ComponentResponse(component.id(), component.name(), component.description(), component.link(),
				component.status().code(), component.order(), component.groupId(), component.enabled(),
				component.meta(), times.format(component.createdAt()), times.format(component.updatedAt()),
				times.format(component.deletedAt()), component.status().label(),
				component.tags().isEmpty() ? List.of() : component.tags());
	}

}
