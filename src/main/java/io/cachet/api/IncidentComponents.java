package io.cachet.api;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.StringNode;

import io.cachet.component.ComponentStatus;
import io.cachet.incident.AffectedComponent;

/**
 * The components an incident affects, as {@code [{"id":1,"status":3}, …]} or as
 * {@code {"1":3, …}}.
 */
final class IncidentComponents extends LenientInput.Field<List<AffectedComponent>> {

	@Override
	@Nullable List<AffectedComponent> read(JsonNode node, LenientInput.Problems problems, DeserializationContext context) {
		List<AffectedComponent> components = new ArrayList<>();
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
					problems.add("Each of the components must have an id and a status.");
				}
			}
		}
		else {
			problems.add("The components must be an array.");
		}
		return components;
	}

	private static void add(LenientInput.Problems problems, List<AffectedComponent> components, @Nullable JsonNode id,
			@Nullable JsonNode status) {
		Long componentId = (id != null && !id.isNull()) ? LenientInput.id(id) : null;
		Integer componentStatus = (status != null && !status.isNull()) ? LenientInput.integer(status) : null;
		if (componentId == null || componentStatus == null || componentStatus < 0 || componentStatus > 4) {
			problems.add("Each of the components must have an id and a status between 0 and 4.");
			return;
		}
		components.add(new AffectedComponent(componentId, ComponentStatus.of(componentStatus)));
	}

}
