package io.cachet.api;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;

/**
 * The ids of the components a subscriber follows, a list (or PHP's array with keys).
 */
final class SubscriberComponentIds extends LenientInput.Field<List<Long>> {

	@Override
	@Nullable List<Long> read(JsonNode node, LenientInput.Problems problems, DeserializationContext context) {
		List<JsonNode> values = LenientInput.list(node);
		if (values == null) {
			problems.add("The %s must be an array.");
			return null;
		}
		List<Long> ids = new ArrayList<>();
		for (JsonNode value : values) {
			Long id = value.isNull() ? null : LenientInput.id(value);
			if (id == null) {
				problems.add("The components must be component ids.");
				return ids;
			}
			ids.add(id);
		}
		return ids;
	}

}
