package io.cachet.api;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;

/**
 * A monitor's expected HTTP status codes: "200,204", one number, or a list.
 */
final class ExpectedStatus extends LenientInput.Field<List<Integer>> {

	private static final String MESSAGE = "The %s must be a list of HTTP status codes.";

	@Override
	@Nullable List<Integer> read(JsonNode node, LenientInput.Problems problems, DeserializationContext context) {
		List<String> values = new ArrayList<>();
		if (node.isString()) {
			values.addAll(List.of(node.asString().split(",")));
		}
		else if (node.isNumber()) {
			values.add(node.numberValue().toString());
		}
		else if (node.isArray() || node.isObject()) {
			node.forEach((value) -> values.add(text(value)));
		}
		else {
			problems.add(MESSAGE);
			return null;
		}
		List<Integer> codes = new ArrayList<>();
		for (String value : values) {
			try {
				codes.add(Integer.valueOf(value.strip()));
			}
			catch (NumberFormatException ex) {
				problems.add(MESSAGE);
				return null;
			}
		}
		return codes;
	}

	static String text(JsonNode value) {
		String text = LenientInput.string(value);
		return (text != null) ? text : value.isNull() ? "null" : value.toString();
	}

}
