package io.cachet.api;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.cachet.shared.EmailAddressSyntax;

/**
 * The fields of an API request body (JSON, or form data with PHP-style {@code a[]} and
 * {@code a[b]} keys), read the lenient way Cachet reads them: numbers may come as
 * strings, booleans as {@code 1}/{@code 0} or {@code "true"}/{@code "false"}. Each
 * accessor collects a Laravel-style message ("The name field is required.") for a bad
 * value; {@link #validate()} then fails the request with all of them at once. A field
 * that is absent or {@code null} is "not given": on an update it leaves the stored value
 * unchanged, as in Cachet.
 */
final class ApiFields {

	private final Map<String, Object> values;

	private final List<String> errors = new ArrayList<>();

	ApiFields(Map<String, Object> values) {
		this.values = values;
	}

	boolean has(String name) {
		return this.values.get(name) != null;
	}

	@Nullable Object raw(String name) {
		return this.values.get(name);
	}

	String requiredString(String name) {
		String value = string(name);
		if (value == null || value.isBlank()) {
			if (!has(name) || value != null) {
				required(name);
			}
			return "";
		}
		return value;
	}

	@Nullable String string(String name) {
		Object value = this.values.get(name);
		if (value == null) {
			return null;
		}
		if (value instanceof String || value instanceof Number || value instanceof Boolean) {
			return value.toString();
		}
		this.errors.add("The " + attribute(name) + " must be a string.");
		return null;
	}

	@Nullable String string(String name, int maxLength) {
		String value = string(name);
		if (value != null && value.length() > maxLength) {
			this.errors.add("The " + attribute(name) + " may not be greater than " + maxLength + " characters.");
			return null;
		}
		return value;
	}

	@Nullable Integer integer(String name) {
		Object value = this.values.get(name);
		if (value == null) {
			return null;
		}
		if (value instanceof Number number && isWhole(number)) {
			return number.intValue();
		}
		if (value instanceof String text) {
			try {
				return Integer.valueOf(text.strip());
			}
			catch (NumberFormatException ex) {
				// reported below
			}
		}
		this.errors.add("The " + attribute(name) + " must be an integer.");
		return null;
	}

	@Nullable Integer integer(String name, int min, int max) {
		Integer value = integer(name);
		if (value != null && (value < min || value > max)) {
			this.errors.add("The " + attribute(name) + " must be between " + min + " and " + max + ".");
			return null;
		}
		return value;
	}

	@Nullable Integer requiredInteger(String name, int min, int max) {
		if (!has(name)) {
			required(name);
			return null;
		}
		return integer(name, min, max);
	}

	@Nullable Long id(String name) {
		Integer value = integer(name);
		return (value != null) ? value.longValue() : null;
	}

	@Nullable BigDecimal number(String name) {
		Object value = this.values.get(name);
		if (value == null) {
			return null;
		}
		try {
			if (value instanceof Number number) {
				return new BigDecimal(number.toString());
			}
			if (value instanceof String text) {
				return new BigDecimal(text.strip());
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		this.errors.add("The " + attribute(name) + " must be a number.");
		return null;
	}

	@Nullable Boolean bool(String name) {
		Object value = this.values.get(name);
		if (value == null) {
			return null;
		}
		if (value instanceof Boolean bool) {
			return bool;
		}
		String text = value.toString().strip().toLowerCase(Locale.ROOT);
		switch (text) {
			case "1", "true", "on", "yes" -> {
				return true;
			}
			case "0", "false", "off", "no", "" -> {
				return false;
			}
			default -> {
				this.errors.add("The " + attribute(name) + " field must be true or false.");
				return null;
			}
		}
	}

	@Nullable String url(String name) {
		String value = string(name);
		if (value == null || value.isBlank()) {
			return value;
		}
		try {
			URI uri = new URI(value.strip());
			String scheme = uri.getScheme();
			if (scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
					&& uri.getHost() != null) {
				return value.strip();
			}
		}
		catch (URISyntaxException ex) {
			// reported below
		}
		this.errors.add("The " + attribute(name) + " format is invalid.");
		return null;
	}

	@Nullable String email(String name) {
		String value = string(name);
		if (value != null && !EmailAddressSyntax.isValid(value.strip())) {
			this.errors.add("The " + attribute(name) + " must be a valid email address.");
			return null;
		}
		return (value != null) ? value.strip() : null;
	}

	@Nullable Instant dateTime(String name, ApiTimes times) {
		String value = string(name);
		if (value == null || value.isBlank()) {
			return null;
		}
		Instant instant = times.parse(value);
		if (instant == null) {
			this.errors.add("The " + attribute(name) + " does not match the format Y-m-d H:i.");
		}
		return instant;
	}

	@SuppressWarnings("unchecked")
	@Nullable Map<String, Object> object(String name) {
		Object value = this.values.get(name);
		if (value == null) {
			return null;
		}
		if (value instanceof Map<?, ?> map) {
			return (Map<String, Object>) map;
		}
		if (value instanceof List<?> list && list.isEmpty()) {
			return Map.of();
		}
		this.errors.add("The " + attribute(name) + " must be an array.");
		return null;
	}

	@SuppressWarnings("unchecked")
	@Nullable List<Object> list(String name) {
		Object value = this.values.get(name);
		if (value == null) {
			return null;
		}
		if (value instanceof List<?> list) {
			return (List<Object>) list;
		}
		if (value instanceof Map<?, ?> map) {
			return new ArrayList<>((java.util.Collection<Object>) map.values());
		}
		this.errors.add("The " + attribute(name) + " must be an array.");
		return null;
	}

	void required(String name) {
		this.errors.add("The " + attribute(name) + " field is required.");
	}

	void error(String message) {
		this.errors.add(message);
	}

	/**
	 * @throws ApiValidationException with every message collected so far, if any
	 */
	void validate() {
		if (!this.errors.isEmpty()) {
			throw new ApiValidationException(List.copyOf(this.errors));
		}
	}

	static String attribute(String name) {
		return name.replace('_', ' ');
	}

	private static boolean isWhole(Number number) {
		if (number instanceof Integer || number instanceof Long || number instanceof Short) {
			return number.longValue() >= Integer.MIN_VALUE && number.longValue() <= Integer.MAX_VALUE;
		}
		double value = number.doubleValue();
		return value == Math.rint(value) && Math.abs(value) <= Integer.MAX_VALUE;
	}

}
