package io.cachet.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;

/**
 * A component's {@code tags} as Cachet takes them, one string ("Foo, Bar"); a JSON array
 * of names is accepted too.
 */
final class ComponentTags extends LenientInput.Field<List<String>> {

	@Override
	@Nullable List<String> read(JsonNode node, LenientInput.Problems problems, DeserializationContext context) {
		if (node.isArray()) {
			List<String> names = new ArrayList<>();
			node.forEach((name) -> names.add(name.isNull() ? "null"
					: (LenientInput.string(name) != null) ? LenientInput.string(name) : name.toString()));
			return names;
		}
		String text = LenientInput.string(node);
		if (text == null) {
			problems.add("The %s must be a string.");
			return null;
		}
		return Arrays.stream(text.split(",")).map(String::strip).filter((tag) -> !tag.isEmpty()).toList();
	}

}
