package io.cachet.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * The Jackson deserializers that read API request fields the lenient way Cachet reads
 * them: numbers may come as strings ({@code "5"}), booleans as {@code 1}/{@code 0},
 * {@code "1"}/{@code "0"} or {@code "true"}/{@code "false"}, objects as PHP's empty array
 * {@code []}. A value that cannot be read does not fail the whole body: it is recorded as
 * a Laravel-style message for its field and bound as {@code null}, so that one answer
 * lists every problem ({@link ApiRequestBinder}).
 */
final class LenientInput {

	private LenientInput() {
	}

	static JacksonModule module(ApiTimes times) {
		SimpleModule module = new SimpleModule("cachet-lenient-input");
		module.addDeserializer(String.class, new Scalar<>("The %s must be a string.", LenientInput::string));
		module.addDeserializer(Integer.class, new Scalar<>("The %s must be an integer.", LenientInput::integer));
		module.addDeserializer(Long.class, new Scalar<>("The %s must be an integer.", LenientInput::id));
		module.addDeserializer(BigDecimal.class, new Scalar<>("The %s must be a number.", LenientInput::number));
		module.addDeserializer(Boolean.class, new Scalar<>("The %s field must be true or false.", LenientInput::bool));
		module.addDeserializer(Instant.class, new DateTime(times));
		return module;
	}

	static @Nullable String string(JsonNode node) {
		if (node.isString()) {
			return node.asString();
		}
		if (node.isNumber()) {
			return node.numberValue().toString();
		}
		if (node.isBoolean()) {
			return String.valueOf(node.booleanValue());
		}
		return null;
	}

	static @Nullable Integer integer(JsonNode node) {
		if (node.isIntegralNumber()) {
			return node.canConvertToInt() ? node.intValue() : null;
		}
		if (node.isFloatingPointNumber()) {
			double value = node.doubleValue();
			return (value == Math.rint(value) && Math.abs(value) <= Integer.MAX_VALUE) ? (int) value : null;
		}
		if (node.isString()) {
			try {
				return Integer.valueOf(node.asString().strip());
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}
		return null;
	}

	/**
	 * Ids are read as Cachet reads them, as integers.
	 */
	static @Nullable Long id(JsonNode node) {
		Integer value = integer(node);
		return (value != null) ? value.longValue() : null;
	}

	static @Nullable BigDecimal number(JsonNode node) {
		try {
			if (node.isNumber()) {
				return new BigDecimal(node.numberValue().toString());
			}
			if (node.isString()) {
				return new BigDecimal(node.asString().strip());
			}
		}
		catch (NumberFormatException ex) {
			// not a number
		}
		return null;
	}

	static @Nullable Boolean bool(JsonNode node) {
		if (node.isBoolean()) {
			return node.booleanValue();
		}
		String text = string(node);
		if (text == null) {
			return null;
		}
		return switch (text.strip().toLowerCase(Locale.ROOT)) {
			case "1", "true", "on", "yes" -> true;
			case "0", "false", "off", "no", "" -> false;
			default -> null;
		};
	}

	static String attribute(String property) {
		return property.replace('_', ' ');
	}

	/**
	 * A field read from its JSON tree, with the problems it has recorded for the field.
	 */
	abstract static class Field<T> extends ValueDeserializer<T> {

		@Override
		public @Nullable T deserialize(JsonParser parser, DeserializationContext context) {
			String property = parser.currentName();
			JsonNode node = context.readTree(parser);
			Rejections rejections = (Rejections) context.getAttribute(Rejections.class);
			return read(node, new Problems(rejections, (property != null) ? property : ""), context);
		}

		abstract @Nullable T read(JsonNode node, Problems problems, DeserializationContext context);

	}

	/**
	 * Records problems of one field.
	 */
	record Problems(Rejections rejections, String property) {

		/**
		 * @param message the message, with {@code %s} for the field's name
		 */
		void add(String message) {
			this.rejections.add(this.property, message.formatted(attribute(this.property)));
		}

	}

	/**
	 * The problems of one request body, in the order they were found.
	 */
	static final class Rejections {

		private final List<Rejection> all = new ArrayList<>();

		void add(String property, String message) {
			this.all.add(new Rejection(property, message));
		}

		List<Rejection> all() {
			return this.all;
		}

		boolean rejected(String property) {
			return this.all.stream().anyMatch((rejection) -> rejection.property().equals(property));
		}

	}

	record Rejection(String property, String message) {

	}

	private static final class Scalar<T> extends Field<T> {

		private final String message;

		private final Function<JsonNode, @Nullable T> reader;

		Scalar(String message, Function<JsonNode, @Nullable T> reader) {
			this.message = message;
			this.reader = reader;
		}

		@Override
		@Nullable T read(JsonNode node, Problems problems, DeserializationContext context) {
			T value = this.reader.apply(node);
			if (value == null) {
				problems.add(this.message);
			}
			return value;
		}

	}

	/**
	 * A date and time in Cachet's input format, in the caller's time zone; blank is not
	 * given.
	 */
	private static final class DateTime extends Field<Instant> {

		private final ApiTimes times;

		DateTime(ApiTimes times) {
			this.times = times;
		}

		@Override
		@Nullable Instant read(JsonNode node, Problems problems, DeserializationContext context) {
			String text = string(node);
			if (text == null) {
				problems.add("The %s must be a string.");
				return null;
			}
			if (text.isBlank()) {
				return null;
			}
			Instant instant = this.times.parse(text);
			if (instant == null) {
				problems.add("The %s does not match the format Y-m-d H:i.");
			}
			return instant;
		}

	}

	/**
	 * A JSON object, or PHP's empty array for an empty one. Use it with
	 * {@code @JsonDeserialize(using = LenientInput.JsonObject.class)}.
	 */
	static final class JsonObject extends Field<Map<String, Object>> {

		@Override
		@SuppressWarnings("unchecked")
		@Nullable Map<String, Object> read(JsonNode node, Problems problems, DeserializationContext context) {
			if (node.isObject()) {
				return new LinkedHashMap<String, Object>(context.readTreeAsValue(node, Map.class));
			}
			if (node.isArray() && node.isEmpty()) {
				return Map.of();
			}
			problems.add("The %s must be an array.");
			return null;
		}

	}

	/**
	 * The values of a JSON array, or of an object (PHP's array with keys).
	 * @return {@code null} if the node is neither
	 */
	static @Nullable List<JsonNode> list(JsonNode node) {
		return (node.isArray() || node.isObject()) ? new ArrayList<>(node.values()) : null;
	}

}
