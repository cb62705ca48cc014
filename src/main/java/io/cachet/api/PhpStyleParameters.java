package io.cachet.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns form parameters with PHP's bracket syntax into nested values, as PHP clients of
 * Cachet send them: {@code tags[]=a&tags[]=b} is a list, {@code vars[name]=x} a map, and
 * {@code components[0][id]=1} a list of maps.
 * <p>
 * Nesting is bounded like PHP's {@code max_input_nesting_level} (64 brackets). PHP drops
 * a deeper parameter silently; we refuse the request with a 400 naming the field instead,
 * as we do for every other malformed input: no real client nests that deep, and dropping
 * it would turn a client's bug into a confusing "field is required".
 */
final class PhpStyleParameters {

	static final int MAX_NESTING = 64;

	private PhpStyleParameters() {
	}

	static Map<String, Object> parse(Map<String, String[]> parameters) {
		Map<String, Object> root = new LinkedHashMap<>();
		parameters.forEach((key, values) -> {
			List<String> path = path(key);
			if (path.size() - 1 > MAX_NESTING) {
				throw new ApiValidationException(List
					.of("The " + abbreviate(path.get(0)) + " field is nested deeper than " + MAX_NESTING + " levels."));
			}
			for (String value : values) {
				put(root, path, value);
			}
		});
		return normalize(root);
	}

	private static String abbreviate(String name) {
		return (name.length() > 100) ? name.substring(0, 100) + "..." : name;
	}

	private static List<String> path(String key) {
		List<String> path = new ArrayList<>();
		int bracket = key.indexOf('[');
		if (bracket <= 0 || !key.endsWith("]")) {
			path.add(key);
			return path;
		}
		path.add(key.substring(0, bracket));
		for (String part : key.substring(bracket + 1, key.length() - 1).split("\\]\\[", -1)) {
			path.add(part);
		}
		return path;
	}

	@SuppressWarnings("unchecked")
	private static void put(Map<String, Object> node, List<String> path, String value) {
		Map<String, Object> current = node;
		for (int i = 0; i < path.size() - 1; i++) {
			String segment = path.get(i).isEmpty() ? String.valueOf(current.size()) : path.get(i);
			Object child = current.get(segment);
			if (!(child instanceof Map)) {
				child = new LinkedHashMap<String, Object>();
				current.put(segment, child);
			}
			current = (Map<String, Object>) child;
		}
		String last = path.get(path.size() - 1);
		current.put(last.isEmpty() ? String.valueOf(current.size()) : last, value);
	}

	/**
	 * Maps whose keys are 0, 1, 2, ... become lists.
	 */
	private static Map<String, Object> normalize(Map<String, Object> map) {
		Map<String, Object> result = new LinkedHashMap<>();
		map.forEach((key, value) -> result.put(key, normalizeValue(value)));
		return result;
	}

	@SuppressWarnings("unchecked")
	private static Object normalizeValue(Object value) {
		if (!(value instanceof Map)) {
			return value;
		}
		Map<String, Object> map = normalize((Map<String, Object>) value);
		boolean sequential = true;
		int index = 0;
		for (String key : map.keySet()) {
			if (!key.equals(String.valueOf(index++))) {
				sequential = false;
				break;
			}
		}
		return (sequential && !map.isEmpty()) ? new ArrayList<>(map.values()) : map;
	}

}
