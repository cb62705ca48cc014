package io.cachet.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import io.cachet.fuzz.FuzzHttp.Request;
import io.cachet.fuzz.RouteModel.Kind;

/**
 * Turns a valid request into a hostile one. Every choice comes from the {@link Random} it
 * is given, so a seed gives the same requests again. The mutation's name (for example
 * {@code field:name=huge-string/json}) goes with the request into any failure report.
 */
final class Mutator {

	static final String JSON = "application/json";

	static final String FORM = "application/x-www-form-urlencoded";

	static final String MULTIPART = "multipart/form-data; boundary=" + Encodings.BOUNDARY;

	/** Fields that no valid request has, but that a hostile client adds. */
	private static final List<String> EXTRA_FIELDS = List.of("id", "created_at", "user_id", "components", "status",
			"name", "__proto__", "constructor", "", "a[b]", "name[]", "x".repeat(300));

	private static final Pattern ID_SEGMENT = Pattern
		.compile("/(\\d+|[0-9a-f]{40}|bad-signature|not-a-code)(?=/|\\?|$)");

	private final Random random;

	/** Headers every request carries (the token, the session), also in raw requests. */
	private final Map<String, String> headers;

	Mutator(Random random, Map<String, String> headers) {
		this.random = random;
		this.headers = headers;
	}

	Request mutate(RouteModel model) {
		if (model.kind() == Kind.DELETE) {
			return withQueryOrBody(model, pathId(model.path(), true));
		}
		if (model.body() == null) {
			int choice = this.random.nextInt(100);
			if (choice < 40 && ID_SEGMENT.matcher(model.path()).find()) {
				return Request.of(model.method(), pathId(model.path(), false), null, null,
						"path-id:" + this.lastPathId);
			}
			if (choice < 85) {
				return query(model);
			}
			if (choice < 93) {
				return raw(model, model.path());
			}
			return whole(model, new java.util.LinkedHashMap<>());
		}
		int choice = this.random.nextInt(100);
		if (choice < 48) {
			return field(model);
		}
		if (choice < 53) {
			Map<String, @Nullable Object> body = Hostile.copy(model.body());
			String dropped = Hostile.pick(this.random,
					new ArrayList<>(body.keySet().isEmpty() ? List.of("x") : body.keySet()));
			body.remove(dropped);
			return encoded(model, model.path(), body, "drop:" + dropped);
		}
		if (choice < 63) {
			return whole(model, model.body());
		}
		if (choice < 73) {
			return encoding(model);
		}
		if (choice < 76) {
			return oversize(model);
		}
		if (choice < 84) {
			Request request = query(model);
			return encodedWith(request, model.body());
		}
		if (choice < 90 && ID_SEGMENT.matcher(model.path()).find()) {
			String path = pathId(model.path(), false);
			return encoded(model, path, model.body(), "path-id:" + this.lastPathId);
		}
		if (choice < 95) {
			return hostileForm(model);
		}
		return raw(model, model.path());
	}

	private Request field(RouteModel model) {
		Map<String, @Nullable Object> body = Hostile.copy(model.body());
		List<String> names = Hostile.fieldNames(body, EXTRA_FIELDS);
		String name = (this.random.nextInt(5) == 0 || body.isEmpty()) ? Hostile.pick(this.random, names)
				: Hostile.pick(this.random, new ArrayList<>(body.keySet()));
		Hostile.Value value = Hostile.value(this.random);
		body.put(name, value.value());
		if (this.random.nextInt(6) == 0) {
			// two hostile fields at once: validation must report both, not trip on one
			Hostile.Value second = Hostile.value(this.random);
			String other = Hostile.pick(this.random, names);
			body.put(other, second.value());
			return encoded(model, model.path(), body,
					"field:" + abbreviate(name) + "=" + value.name() + "," + abbreviate(other) + "=" + second.name());
		}
		return encoded(model, model.path(), body, "field:" + abbreviate(name) + "=" + value.name());
	}

	private Request encoded(RouteModel model, String path, Map<String, @Nullable Object> body, String mutation) {
		int encoding = this.random.nextInt(100);
		if (model.kind() == Kind.PUBLIC_FORM || model.kind() == Kind.FORM) {
			// pages take forms; a JSON body now and then must be refused cleanly too
			encoding = 50 + this.random.nextInt(50);
		}
		if (encoding < 60) {
			return Request.of(model.method(), path, JSON, Encodings.json(body), mutation + "/json");
		}
		if (encoding < 88) {
			return Request.of(model.method(), path, FORM, Encodings.form(body), mutation + "/form");
		}
		return Request.of(model.method(), path, MULTIPART, Encodings.multipart(Encodings.formFields(body)),
				mutation + "/multipart");
	}

	private Request encodedWith(Request request, Map<String, @Nullable Object> body) {
		return Request.of(request.method(), request.path(), JSON, Encodings.json(body), request.mutation() + "/json");
	}

	private Request whole(RouteModel model, Map<String, @Nullable Object> valid) {
		String json = Encodings.json(valid);
		List<String[]> bodies = List.of(new String[] { "array", "[]" }, new String[] { "null", "null" },
				new String[] { "string", "\"x\"" }, new String[] { "number", "42" }, new String[] { "unclosed", "{" },
				new String[] { "trailing-garbage", json + "}}" },
				new String[] { "truncated", json.substring(0, json.length() / 2) },
				new String[] { "single-quotes", json.replace('"', '\'') }, new String[] { "bom", "\uFEFF" + json },
				new String[] { "comment", "/* c */" + json },
				new String[] { "duplicate-keys", "{\"name\":1,\"name\":[]," + json.substring(1) },
				new String[] { "deep-arrays", Hostile.deepJson(5_000, true) },
				new String[] { "deep-objects", Hostile.deepJson(5_000, false) },
				new String[] { "deep-field", "{\"name\":" + Hostile.deepJson(900, true) + "}" },
				new String[] { "nul-bytes", "{\"name\":\"a\u0000\"\u0000}" }, new String[] { "utf8-invalid", null },
				new String[] { "empty", "" }, new String[] { "whitespace", " \r\n\t " },
				new String[] { "many-keys", manyKeys() });
		String[] chosen = Hostile.pick(this.random, bodies);
		byte[] bytes = (chosen[1] != null) ? chosen[1].getBytes(StandardCharsets.UTF_8)
				: new byte[] { '{', '"', 'n', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}' };
		return new Request(model.method(), model.path(), JSON, bytes, new java.util.LinkedHashMap<>(),
				"body:" + chosen[0], null);
	}

	private static String manyKeys() {
		StringBuilder json = new StringBuilder("{");
		for (int i = 0; i < 20_000; i++) {
			json.append((i > 0) ? "," : "").append("\"k").append(i).append("\":").append(i);
		}
		return json.append('}').toString();
	}

	private Request encoding(RouteModel model) {
		String json = Encodings.json(model.body());
		String form = Encodings.form(model.body());
		List<Request> choices = List.of(Request.of(model.method(), model.path(), FORM, json, "encoding:json-as-form"),
				Request.of(model.method(), model.path(), JSON, form, "encoding:form-as-json"),
				Request.of(model.method(), model.path(), "text/plain", json, "encoding:text-plain"),
				Request.of(model.method(), model.path(), null, json, "encoding:no-content-type"),
				Request.of(model.method(), model.path(), "application/json; charset=bogus", json,
						"encoding:bogus-charset"),
				Request.of(model.method(), model.path(), "application/json; charset=UTF-16", json,
						"encoding:wrong-charset"),
				Request.of(model.method(), model.path(), "application/xml", "<a>" + form + "</a>", "encoding:xml"),
				Request.of(model.method(), model.path(), "application/", json, "encoding:bad-media-type"),
				Request.of(model.method(), model.path(), "multipart/form-data",
						Encodings.multipart(Encodings.formFields(model.body())), "encoding:multipart-without-boundary"),
				Request.of(model.method(), model.path(), MULTIPART,
						truncated(Encodings.multipart(Encodings.formFields(model.body()))),
						"encoding:multipart-truncated"),
				Request.of(model.method(), model.path(), JSON, json, "encoding:gzip-claimed")
					.header("Content-Encoding", "gzip"),
				Request.of(model.method(), model.path(), FORM + "; charset=ISO-8859-1", form, "encoding:latin1-form"));
		return Hostile.pick(this.random, choices);
	}

	private static String truncated(String multipart) {
		return multipart.substring(0, Math.min(multipart.length(), Encodings.BOUNDARY.length() + 30));
	}

	private Request oversize(RouteModel model) {
		if (this.random.nextBoolean()) {
			String json = "{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
			return Request.of(model.method(), model.path(), JSON, json, "oversize:json-2MiB");
		}
		return Request.of(model.method(), model.path(), FORM, "name=" + "x".repeat(3 * 1024 * 1024),
				"oversize:form-3MiB");
	}

	/**
	 * Form bodies Tomcat's parser refuses, and nesting PHP would cut at 64 levels.
	 */
	private Request hostileForm(RouteModel model) {
		String valid = Encodings.form(model.body());
		StringBuilder many = new StringBuilder(valid);
		for (int i = 0; i < 1_500; i++) {
			many.append("&p").append(i).append("=1");
		}
		List<Request> choices = List.of(
				Request.of(model.method(), model.path(), FORM, valid + "&name=%zz", "form:bad-percent-escape"),
				Request.of(model.method(), model.path(), FORM, valid + "&name=%", "form:trailing-percent"),
				Request.of(model.method(), model.path(), FORM, many.toString(), "form:too-many-params"),
				Request.of(model.method(), model.path(), FORM, "&&&=", "form:bare-ampersands"),
				Request.of(model.method(), model.path(), FORM, valid + "&x" + "[a]".repeat(10_000) + "=1",
						"form:deep-brackets"),
				Request.of(model.method(), model.path(), FORM, valid + "&meta[a][b][c]=1&tags[][]=x&components[][x]=",
						"form:mixed-brackets"),
				Request.of(model.method(), model.path(), FORM, valid + "&name[=1&name]=2&[]=3",
						"form:broken-brackets"));
		return Hostile.pick(this.random, choices);
	}

	private Request query(RouteModel model) {
		StringBuilder query = new StringBuilder();
		int count = 1 + this.random.nextInt(3);
		List<String> names = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String name = Hostile.pick(this.random, Hostile.QUERY_NAMES);
			String value = Hostile.pick(this.random, Hostile.QUERY_VALUES);
			names.add(name + "=" + abbreviate(value));
			query.append((i > 0) ? "&" : "").append(Encodings.encode(name)).append('=').append(Encodings.encode(value));
		}
		String path = model.path();
		int choice = this.random.nextInt(10);
		String mutation = "query:" + String.join("&", names);
		if (choice == 0) {
			query.append("&name=%zz");
			mutation += "+query:bad-percent-escape";
		}
		else if (choice == 1) {
			for (int i = 0; i < 1_200; i++) {
				query.append("&q").append(i).append('=').append(i);
			}
			mutation += "+query:too-many-params";
		}
		else if (choice == 2) {
			query.append("&&&=");
			mutation += "+query:bare-ampersands";
		}
		String separator = path.contains("?") ? "&" : "?";
		return Request.of(model.method(), path + separator + query, null, null, mutation);
	}

	private String lastPathId = "";

	/** Replaces one id in the path (the last one, if {@code last}) with a hostile one. */
	private String pathId(String path, boolean last) {
		Matcher matcher = ID_SEGMENT.matcher(path);
		List<int[]> segments = new ArrayList<>();
		while (matcher.find()) {
			segments.add(new int[] { matcher.start(1), matcher.end(1) });
		}
		String hostile = Hostile.pick(this.random, Hostile.PATH_IDS);
		this.lastPathId = abbreviate(hostile);
		if (segments.isEmpty()) {
			return path + "/" + hostile;
		}
		int[] segment = last ? segments.get(segments.size() - 1) : segments.get(this.random.nextInt(segments.size()));
		return path.substring(0, segment[0]) + hostile + path.substring(segment[1]);
	}

	private Request withQueryOrBody(RouteModel model, String path) {
		String mutation = "path-id:" + this.lastPathId;
		int choice = this.random.nextInt(4);
		if (choice == 0) {
			return Request.of(model.method(), path, JSON, "{\"id\":1,\"force\":true}", mutation + "+json-body");
		}
		if (choice == 1) {
			return Request.of(model.method(),
					path + "?force=1&id=" + Encodings.encode(Hostile.pick(this.random, Hostile.PATH_IDS)), null, null,
					mutation + "+query");
		}
		return Request.of(model.method(), path, null, null, mutation);
	}

	/** Requests written byte by byte: what no HTTP library sends. */
	private Request raw(RouteModel model, String path) {
		String method = model.method();
		List<String[]> choices = List.of(
				new String[] { "raw:bad-escape-in-path", method + " " + path + "%zz HTTP/1.1\r\n" },
				new String[] { "raw:nul-in-path", method + " " + path + "%00 HTTP/1.1\r\n" },
				new String[] { "raw:traversal", method + " /api/v1/../../" + path.substring(1) + " HTTP/1.1\r\n" },
				new String[] { "raw:encoded-slash", method + " " + path.replace("/", "%2F") + " HTTP/1.1\r\n" },
				new String[] { "raw:unicode-path", method + " " + path + "/\u00e9\u00ff HTTP/1.1\r\n" },
				new String[] { "raw:bad-chunk",
						method + " " + path
								+ " HTTP/1.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n" },
				new String[] { "raw:short-body",
						method + " " + path
								+ " HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: 500\r\n" },
				new String[] { "raw:huge-header",
						method + " " + path + " HTTP/1.1\r\nX-Big: " + "x".repeat(20_000) + "\r\n" },
				new String[] { "raw:bad-header", method + " " + path + " HTTP/1.1\r\nX Bad\u0000: y\r\n" },
				new String[] { "raw:two-lengths", method + " " + path
						+ " HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: 2\r\nContent-Length: 9\r\n" },
				new String[] { "raw:http10", method + " " + path + " HTTP/1.0\r\n" },
				new String[] { "raw:accept-garbage", method + " " + path + " HTTP/1.1\r\nAccept: */*;q=abc, \u00ff\r\n"
						+ "Accept-Language: ;;;,zz-ZZZZZZZZ-x-" + "a".repeat(500) + "\r\n" });
		String[] chosen = Hostile.pick(this.random, choices);
		StringBuilder request = new StringBuilder(chosen[1]);
		if (!chosen[1].contains("HTTP/1.0")) {
			request.append("Host: localhost\r\n");
		}
		this.headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
		request.append("Connection: close\r\n");
		String body = "";
		if (chosen[0].equals("raw:bad-chunk")) {
			body = "zz\r\n{}\r\n0\r\n\r\n";
		}
		else if (chosen[0].equals("raw:short-body")) {
			body = "{\"name\":";
		}
		else if (chosen[0].equals("raw:two-lengths")) {
			body = "{}";
		}
		request.append("\r\n").append(body);
		return Request.raw(method, path, chosen[0], request.toString().getBytes(StandardCharsets.UTF_8));
	}

	static String abbreviate(String text) {
		return abbreviate(text, 24);
	}

	static String abbreviate(String text, int max) {
		return (text.length() > max) ? text.substring(0, max / 2) + "…(" + text.length() + " chars)" : text;
	}

}
