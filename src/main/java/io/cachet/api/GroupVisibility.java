package io.cachet.api;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;

/**
 * A group's {@code visible}: Cachet stores it as 0/1, clients send a number or a boolean.
 */
final class GroupVisibility extends LenientInput.Field<Integer> {

	@Override
	@Nullable Integer read(JsonNode node, LenientInput.Problems problems, DeserializationContext context) {
		if (node.isBoolean()) {
			return node.booleanValue() ? 1 : 0;
		}
		Integer value = LenientInput.integer(node);
		if (value == null) {
			problems.add("The %s must be an integer.");
		}
		return value;
	}

}
