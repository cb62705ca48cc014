package io.cachet.incident.internal;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;

/**
 * Pebble's {@code replace}, {@code join} and {@code split} with the same arguments and
 * results, but bounded: the first two refuse to build a text larger than
 * {@link TemplateBudget#MAX_VALUE_SIZE}, and {@code split} takes its delimiter literally.
 */
final class BoundedFilters {

	private BoundedFilters() {
	}

	static final class Replace implements Filter {

		@Override
		public List<String> getArgumentNames() {
			return List.of("replace_pairs");
		}

		@Override
		public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context,
				int lineNumber) {
			if (input == null) {
				return null;
			}
			if (!(args.get("replace_pairs") instanceof Map<?, ?> pairs)) {
				throw new PebbleException(null, "The 'replace' filter expects a map of replacements.", lineNumber,
						self.getName());
			}
			String text = input.toString();
			for (Map.Entry<?, ?> pair : pairs.entrySet()) {
				String target = String.valueOf(pair.getKey());
				String replacement = String.valueOf(pair.getValue());
				if (target.isEmpty()) {
					continue;
				}
				long grown = (long) occurrences(text, target) * (replacement.length() - target.length());
				if (text.length() + grown > TemplateBudget.MAX_VALUE_SIZE) {
					throw TemplateBudget.tooLarge("the text 'replace' builds");
				}
				text = text.replace(target, replacement);
			}
			return text;
		}

		private static int occurrences(String text, String target) {
			int count = 0;
			for (int at = text.indexOf(target); at >= 0; at = text.indexOf(target, at + target.length())) {
				count++;
			}
			return count;
		}

	}

	static final class Join implements Filter {

		@Override
		public List<String> getArgumentNames() {
			return List.of("separator");
		}

		@Override
		public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context,
				int lineNumber) {
			if (input == null) {
				return null;
			}
			Collection<?> items = items(input);
			if (items == null) {
				throw new PebbleException(null,
						"The 'join' filter expects that the input is either a collection or an array.", lineNumber,
						self.getName());
			}
			Object separator = args.get("separator");
			String glue = (separator != null) ? separator.toString() : "";
			StringBuilder out = new StringBuilder();
			boolean first = true;
			for (Object item : items) {
				if (!first) {
					out.append(glue);
				}
				out.append(item);
				first = false;
				if (out.length() > TemplateBudget.MAX_VALUE_SIZE) {
					throw TemplateBudget.tooLarge("the text 'join' builds");
				}
			}
			return out.toString();
		}

		private static Collection<?> items(Object input) {
			if (input instanceof Collection<?> collection) {
				return collection;
			}
			if (input.getClass().isArray()) {
				List<Object> items = new ArrayList<>();
				for (int i = 0; i < Array.getLength(input); i++) {
					items.add(Array.get(input, i));
				}
				return items;
			}
			return null;
		}

	}

	static final class Split implements Filter {

		@Override
		public List<String> getArgumentNames() {
			return List.of("delimiter", "limit");
		}

		@Override
		public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context,
				int lineNumber) {
			if (input == null) {
				return null;
			}
			if (args.get("delimiter") == null) {
				throw new PebbleException(null, "missing delimiter parameter in split filter", lineNumber,
						self.getName());
			}
			Pattern delimiter = Pattern.compile(Pattern.quote(args.get("delimiter").toString()));
			int limit = (args.get("limit") instanceof Number number) ? number.intValue() : 0;
			return Arrays.asList(delimiter.split(input.toString(), limit));
		}

	}

}
