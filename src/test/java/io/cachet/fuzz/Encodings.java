package io.cachet.fuzz;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Writes a request's fields as a JSON, form or multipart body. Written by hand rather
 * than with Jackson so that a body can carry what no JSON library writes: raw tokens
 * ({@link Hostile.RawJson}) and lone surrogates.
 */
final class Encodings {

	static final String BOUNDARY = "----CachetFuzzBoundary7MA4YWxk";

	private Encodings() {
	}

	static String json(@Nullable Object value) {
		StringBuilder out = new StringBuilder();
		writeJson(out, value);
		return out.toString();
	}

	private static void writeJson(StringBuilder out, @Nullable Object value) {
		if (value == null) {
			out.append("null");
		}
		else if (value instanceof Hostile.RawJson raw) {
			out.append(raw.token());
		}
		else if (value instanceof String text) {
			out.append('"');
			for (char c : text.toCharArray()) {
				switch (c) {
					case '"' -> out.append("\\\"");
					case '\\' -> out.append("\\\\");
					default -> {
						if (c < 0x20 || Character.isSurrogate(c)) {
							out.append(String.format("\\u%04x", (int) c));
						}
						else {
							out.append(c);
						}
					}
				}
			}
			out.append('"');
		}
		else if (value instanceof Map<?, ?> map) {
			out.append('{');
			boolean first = true;
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				if (!first) {
					out.append(',');
				}
				first = false;
				writeJson(out, String.valueOf(entry.getKey()));
				out.append(':');
				writeJson(out, entry.getValue());
			}
			out.append('}');
		}
		else if (value instanceof List<?> list) {
			out.append('[');
			for (int i = 0; i < list.size(); i++) {
				if (i > 0) {
					out.append(',');
				}
				writeJson(out, list.get(i));
			}
			out.append(']');
		}
		else if (value instanceof BigDecimal decimal) {
			out.append(decimal.toString());
		}
		else {
			out.append(value);
		}
	}

	/** PHP-style form fields: {@code tags[]=a}, {@code meta[key]=v}. */
	static List<String[]> formFields(Map<String, @Nullable Object> body) {
		List<String[]> fields = new ArrayList<>();
		body.forEach((name, value) -> flatten(fields, name, value));
		return fields;
	}

	private static void flatten(List<String[]> fields, String name, @Nullable Object value) {
		if (value instanceof Map<?, ?> map) {
			if (map.isEmpty()) {
				fields.add(new String[] { name, "" });
			}
			map.forEach((key, nested) -> flatten(fields, name + "[" + key + "]", nested));
		}
		else if (value instanceof List<?> list) {
			if (list.isEmpty()) {
				fields.add(new String[] { name + "[]", "" });
			}
			list.forEach((nested) -> flatten(fields, name + "[]", nested));
		}
		else if (value == null) {
			fields.add(new String[] { name, null });
		}
		else if (value instanceof Hostile.RawJson raw) {
			fields.add(new String[] { name, raw.token() });
		}
		else {
			fields.add(new String[] { name, plain(value) });
		}
	}

	private static String plain(Object value) {
		if (value instanceof BigDecimal decimal) {
			return decimal.toString();
		}
		if (value instanceof BigInteger || value instanceof Number || value instanceof Boolean) {
			return String.valueOf(value);
		}
		return value.toString();
	}

	static String form(Map<String, @Nullable Object> body) {
		return form(formFields(body));
	}

	static String form(List<String[]> fields) {
		StringBuilder out = new StringBuilder();
		for (String[] field : fields) {
			if (!out.isEmpty()) {
				out.append('&');
			}
			out.append(encode(field[0]));
			if (field[1] != null) {
				out.append('=').append(encode(field[1]));
			}
		}
		return out.toString();
	}

	static String multipart(List<String[]> fields) {
		StringBuilder out = new StringBuilder();
		for (String[] field : fields) {
			out.append("--")
				.append(BOUNDARY)
				.append("\r\nContent-Disposition: form-data; name=\"")
				.append(field[0].replace("\"", "%22"))
				.append("\"\r\n\r\n")
				.append((field[1] != null) ? field[1] : "")
				.append("\r\n");
		}
		return out.append("--").append(BOUNDARY).append("--\r\n").toString();
	}

	static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
