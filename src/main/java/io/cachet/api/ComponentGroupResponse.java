package io.cachet.api;

import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

import io.cachet.component.ComponentGroupView;
import io.cachet.component.ComponentView;

/**
 * A component group in Cachet 2.4's shape, with its enabled components in display order
 * and by worst status first, and the label of the worst status.
 */
@JsonPropertyOrder({ "id", "name", "order", "collapsed", "visible", "created_at", "updated_at", "enabled_components",
		"enabled_components_lowest", "lowest_human_status" })
record ComponentGroupResponse(long id, String name, int order, int collapsed, int visible,
		@JsonProperty("created_at") @Nullable String createdAt, @JsonProperty("updated_at") @Nullable String updatedAt,
		@JsonProperty("enabled_components") List<ComponentResponse> enabledComponents,
		@JsonProperty("enabled_components_lowest") List<ComponentResponse> enabledComponentsLowest,
		@JsonProperty("lowest_human_status") @Nullable String lowestHumanStatus) {

	static ComponentGroupResponse of(ComponentGroupView group, List<ComponentView> components, ApiTimes times) {
		List<ComponentView> lowest = components.stream()
			.sorted(Comparator.comparingInt((ComponentView c) -> c.status().code()).reversed())
			.toList();
		return new ComponentGroupResponse(group.id(), group.name(), group.order(), group.collapsed(), group.visible(),
				times.format(group.createdAt()), times.format(group.updatedAt()),
				components.stream().map((c) -> ComponentResponse.of(c, times)).toList(),
				lowest.stream().map((c) -> ComponentResponse.of(c, times)).toList(),
				lowest.isEmpty() ? null : lowest.get(0).status().label());
	}

}
