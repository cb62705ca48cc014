package io.cachet.api;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;

/**
 * The headers an HTTP monitor sends, an object of names and values ({@code []} for none).
 */
final class MonitorHeaders extends LenientInput.Field<Map<String, String>> {

	@Override
	@Nullable Map<String, String> read(JsonNode node, LenientInput.Problems problems, DeserializationContext context) {
		if (node.isArray() && node.isEmpty()) {
			return Map.of();
		}
		if (!node.isObject()) {
			problems.add("The %s must be an array.");
			return Map.of();
		}
		Map<String, String> headers = new LinkedHashMap<>();
		node.properties().forEach((entry) -> {
			JsonNode value = entry.getValue();
			String text = ExpectedStatus.text(value);
			if (!entry.getKey().matches("[A-Za-z0-9-]{1,100}") || value.isNull() || text.contains("\n")) {
				problems.add("The headers must be an object of header names and values.");
			}
			else {
				headers.put(entry.getKey(), text);
			}
		});
		return headers;
	}

}
