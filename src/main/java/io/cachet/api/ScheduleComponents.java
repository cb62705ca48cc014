package io.cachet.api;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.StringNode;

/**
 * The components of a maintenance as Cachet takes them, {"&lt;id&gt;": &lt;status&gt;},
 * or as [{"id":…, "status":…}] or a plain list of ids (announced as status 0).
 */
final class ScheduleComponents extends LenientInput.Field<Map<Long, Integer>> {

	private static final JsonNode NO_STATUS = IntNode.valueOf(0);

	@Override
	@Nullable Map<Long, Integer> read(JsonNode node, LenientInput.Problems problems, DeserializationContext context) {
		Map<Long, Integer> components = new LinkedHashMap<>();
		if (node.isObject()) {
			node.properties()
				.forEach((entry) -> add(problems, components, StringNode.valueOf(entry.getKey()), entry.getValue()));
		}
		else if (node.isArray()) {
			for (JsonNode entry : node) {
				if (entry.isObject()) {
					add(problems, components, entry.get("id"), entry.get("status"));
				}
				else {
					add(problems, components, entry, NO_STATUS);
				}
			}
		}
		else {
			problems.add("The components must be an array.");
		}
		return components;
	}

	private static void add(LenientInput.Problems problems, Map<Long, Integer> components, @Nullable JsonNode id,
			@Nullable JsonNode status) {
		Long componentId = (id != null && !id.isNull()) ? LenientInput.id(id) : null;
		Integer componentStatus = (status != null && !status.isNull()) ? LenientInput.integer(status) : 0;
		if (componentId == null || componentStatus == null || componentId < 1 || componentStatus < 0
				|| componentStatus > 4) {
			problems.add("Each of the components must be a component id with a status between 0 and 4.");
			return;
		}
		components.put(componentId, componentStatus);
	}

}
