package io.cachet.fuzz;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.jspecify.annotations.Nullable;

/**
 * The hostile values the fuzzer puts where a valid request has a value. Each has a name,
 * so that a failing request says which value broke it. A value is a JSON-ish tree
 * ({@code null}, strings, numbers, booleans, lists and maps) or a {@link RawJson} token
 * that only a hand-written JSON body can carry ({@code NaN}, {@code 1e99999}).
 */
final class Hostile {

	/**
	 * A token written into a JSON body as it is (not valid JSON, or not representable).
	 */
	record RawJson(String token) {
	}

	record Value(String name, @Nullable Object value) {
	}

	static final String HUGE = "x".repeat(300_000);

	static final List<Value> VALUES = List.of(new Value("null", null), new Value("empty", ""),
			new Value("blank", "  \t "), new Value("huge-string", HUGE),
			new Value("huge-emoji", "\uD83D\uDE00".repeat(100_000)),
			new Value("unicode", "\uD83D\uDD25 \u00FCn\u00EFc\u00F8d\u00E9 \u2603 \uD835\uDD4F \u202Egnp.exe"),
			new Value("nul", "a\u0000b"), new Value("control", "\u0001\u0007\u001B[31m\r\n\u0085\u2028"),
			new Value("lone-surrogate", "x\uD800y"), new Value("number-as-string", "42"),
			new Value("negative-as-string", "-1"), new Value("float-as-string", "1.5"),
			new Value("exponent-as-string", "1e400"), new Value("huge-exponent-as-string", "1E+999999999"),
			new Value("nan-as-string", "NaN"), new Value("infinity-as-string", "-Infinity"),
			new Value("bool-as-string", "false"), new Value("huge-integer", new BigInteger("99999999999999999999")),
			new Value("long-overflow", new BigInteger("9223372036854775808")), new Value("int-overflow", 2147483648L),
			new Value("int-underflow", -2147483649L), new Value("negative", -1), new Value("zero", 0),
			new Value("fraction", 1.5), new Value("huge-decimal", new BigDecimal("1e308")),
			new Value("long-decimal", new BigDecimal("0." + "9".repeat(400))), new Value("raw-nan", new RawJson("NaN")),
			new Value("raw-infinity", new RawJson("-Infinity")), new Value("raw-huge-exponent", new RawJson("1e99999")),
			new Value("raw-negative-zero", new RawJson("-0")),
			new Value("raw-huge-number", new RawJson("1" + "0".repeat(5000))), new Value("true", true),
			new Value("false", false), new Value("empty-array", List.of()),
			new Value("array", Arrays.asList(1, "a", null)), new Value("empty-object", Map.of()),
			new Value("object", Map.of("a", Map.of("b", List.of(1)))),
			new Value("impossible-date", "2026-02-30 25:61:61"), new Value("zero-date", "0000-00-00 00:00:00"),
			new Value("far-future-date", "99999-12-31 23:59:59"), new Value("far-past-date", "-999999999-01-01"),
			new Value("word-date", "next tuesday"), new Value("bad-offset", "2026-12-01T10:00:00+25:00"),
			new Value("sql", "' OR '1'='1'; DROP TABLE components; --"), new Value("sql-like", "%_\\"),
			new Value("html", "<script>alert(1)</script><img src=x onerror=alert(1)>"),
			new Value("template", "{{ 7*7 }}{% for i in range(1, 3) %}x{% endfor %}{{ name | upper }}"),
			new Value("template-broken", "{% if %}{{"), new Value("spel", "${T(java.lang.Runtime).getRuntime()}"),
			new Value("path-traversal", "../../../../etc/passwd"), new Value("percent", "%00%zz%"),
			new Value("crlf", "a\r\nSet-Cookie: x=1"), new Value("json-in-string", "{\"a\":[1,"),
			new Value("javascript-url", "javascript:alert(1)"), new Value("file-url", "file:///etc/passwd"),
			new Value("metadata-url", "http://169.254.169.254/latest/meta-data/"),
			new Value("bad-url", "http://exa mple.com/\u0000"), new Value("bad-email", "a@b@c..d"),
			new Value("long-email", "a".repeat(70_000) + "@example.com"));

	/** Query parameters that lists take: per_page, page, sort, order and filters. */
	static final List<String> QUERY_VALUES = List.of("", "-1", "0", "1", "abc", "99999999999999999999", "2147483648",
			"1e10", "1.5", "NaN", "null", "true", "' OR 1=1 --", "<script>", "{{7*7}}", "%00", "\u0000", "\uD83D\uDE00",
			"name;DROP TABLE x", "id desc", "ASC", "random()", "../", "x".repeat(20_000));

	static final List<String> QUERY_NAMES = List.of("sort", "order", "per_page", "page", "name", "status", "id",
			"tags[]", "tags", "group_id", "enabled", "visible", "days", "start_date", "filter", "style", "q", "sort[]",
			"per_page[]", "page[a]", "");

	/** Path ids: the route's own id replaced. */
	static final List<String> PATH_IDS = List.of("-1", "0", "999999", "99999999999999999999", "9223372036854775807",
			"9223372036854775808", "abc", "..", "%2e%2e%2f", "%00", "1.0", "1e3", "%20", "1;drop", "%F0%9F%98%80",
			"1%0A", "x".repeat(5000));

	private Hostile() {
	}

	static Value value(Random random) {
		return VALUES.get(random.nextInt(VALUES.size()));
	}

	static <T> T pick(Random random, List<T> values) {
		return values.get(random.nextInt(values.size()));
	}

	/** {@code [[[…]]]} or {@code {"a":{"a":…}}}, deeper than any parser should follow. */
	static String deepJson(int depth, boolean arrays) {
		StringBuilder json = new StringBuilder();
		for (int i = 0; i < depth; i++) {
			json.append(arrays ? "[" : "{\"a\":");
		}
		json.append("1");
		for (int i = 0; i < depth; i++) {
			json.append(arrays ? "]" : "}");
		}
		return json.toString();
	}

	static Map<String, @Nullable Object> copy(Map<String, @Nullable Object> body) {
		return new LinkedHashMap<>(body);
	}

	static List<String> fieldNames(Map<String, @Nullable Object> body, List<String> extra) {
		List<String> names = new ArrayList<>(body.keySet());
		names.addAll(extra);
		return names;
	}

}
