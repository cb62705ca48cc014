package io.cachet.api;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;

/**
 * The events a webhook is sent: "incident.created, component.updated" or a list.
 */
final class WebhookEvents extends LenientInput.Field<List<String>> {

	@Override
	@Nullable List<String> read(JsonNode node, LenientInput.Problems problems, DeserializationContext context) {
		List<String> events = new ArrayList<>();
		if (node.isString()) {
			for (String part : node.asString().split(",")) {
				if (!part.isBlank()) {
					events.add(part.strip());
				}
			}
			return events;
		}
		List<JsonNode> list = LenientInput.list(node);
		if (list == null) {
			problems.add("The events must be a list of event names.");
			return null;
		}
		list.forEach((event) -> events.add(ExpectedStatus.text(event)));
		return events;
	}

}
