package io.cachet.cachetimport;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads Cachet's JSON leniently: PHP on MySQL may answer numbers and booleans as strings
 * ({@code "1"}), and times are {@code "YYYY-MM-DD HH:MM:SS"} in UTC (the importer asks
 * for UTC).
 */
final class CachetJson {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]");

	private CachetJson() {
	}

	static long id(JsonNode node) {
		return number(node.path("id"), 0);
	}

	static long number(JsonNode node, long otherwise) {
		if (node.isNumber()) {
			return node.asLong();
		}
		if (node.isString()) {
			try {
				return Long.parseLong(node.asString().strip());
			}
			catch (NumberFormatException ex) {
				return otherwise;
			}
		}
		if (node.isBoolean()) {
			return node.asBoolean() ? 1 : 0;
		}
		return otherwise;
	}

	static int integer(JsonNode node, String field, int otherwise) {
		return (int) number(node.path(field), otherwise);
	}

	static boolean flag(JsonNode node, String field, boolean otherwise) {
		JsonNode value = node.path(field);
		if (value.isBoolean()) {
			return value.asBoolean();
		}
		if (value.isNumber()) {
			return value.asInt() != 0;
		}
		if (value.isString()) {
			String text = value.asString().strip().toLowerCase(Locale.ROOT);
			return text.equals("1") || text.equals("true");
		}
		return otherwise;
	}

	static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return (value.isMissingNode() || value.isNull()) ? null : value.asString();
	}

	static String text(JsonNode node, String field, String otherwise) {
		String value = text(node, field);
		return (value != null) ? value : otherwise;
	}

	static @Nullable BigDecimal decimal(JsonNode node, String field) {
		JsonNode value = node.path(field);
		if (value.isNumber()) {
			return value.decimalValue();
		}
		if (value.isString()) {
			try {
				return new BigDecimal(value.asString().strip());
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}
		return null;
	}

	/**
	 * @return the time, or {@code null} when absent or not a Cachet time
	 */
	static @Nullable Instant time(JsonNode node, String field) {
		String value = text(node, field);
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDateTime.parse(value.strip().replace('T', ' '), TIME).toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			try {
				return Instant.parse(value.strip());
			}
			catch (DateTimeParseException again) {
				return null;
			}
		}
	}

	/**
	 * @return the items ordered by a time field then id, oldest first
	 */
	static List<JsonNode> chronological(List<JsonNode> items, String field) {
		List<JsonNode> sorted = new ArrayList<>(items);
		sorted.sort(Comparator
			.comparing((JsonNode item) -> time(item, field), Comparator.nullsFirst(Comparator.naturalOrder()))
			.thenComparingLong(CachetJson::id));
		return sorted;
	}

	static List<JsonNode> byId(List<JsonNode> items) {
		List<JsonNode> sorted = new ArrayList<>(items);
		sorted.sort(Comparator.comparingLong(CachetJson::id));
		return sorted;
	}

}
