package io.cachet.dashboard;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A cookie-keeping HTTP client that submits forms as a browser would, with the CSRF token
 * of the last page it read (redirects are not followed, so tests see them).
 */
public final class FormClient {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final String host;

	private final int port;

	private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

	private final HttpClient http;

	private String csrf = "";

	public FormClient(int port) {
		this("localhost", port);
	}

	/**
	 * @param host the server's address as this client reaches it ({@code 127.0.0.1},
	 * {@code [::1]}): the server sees a different client address for each
	 */
	public FormClient(String host, int port) {
		this.host = host;
		this.port = port;
		this.http = HttpClient.newBuilder()
			.cookieHandler(this.cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/**
	 * @return a client logged in to the dashboard with this username (or e-mail) and
	 * password
	 */
	static FormClient loggedIn(int port, String username, String password) {
		FormClient client = new FormClient(port);
		client.logIn(username, password);
		return client;
	}

	/**
	 * @return the answer to the login form (a redirect)
	 */
	public HttpResponse<String> logIn(String username, String password) {
		get("/auth/login");
		return post("/auth/login", Map.of("username", username, "password", password));
	}

	public HttpResponse<String> get(String path) {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).GET().build());
		Matcher matcher = CSRF.matcher(response.body());
		if (matcher.find()) {
			this.csrf = matcher.group(1);
		}
		return response;
	}

	public HttpResponse<String> post(String path, Map<String, String> fields) {
		Map<String, String> withToken = new LinkedHashMap<>(fields);
		withToken.putIfAbsent("_csrf", this.csrf);
		return postWithoutToken(path, withToken);
	}

	public HttpResponse<String> postWithoutToken(String path, Map<String, String> fields) {
		String body = fields.entrySet()
			.stream()
			.map((field) -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	/**
	 * Submits a {@code multipart/form-data} form with one file, as a browser would.
	 */
	public HttpResponse<String> postFile(String path, String field, String filename, byte[] content) {
		String boundary = "----FormClient" + System.nanoTime();
		String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + this.csrf
				+ "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
				+ filename + "\"\r\nContent-Type: application/json\r\n\r\n";
		String tail = "\r\n--" + boundary + "--\r\n";
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArrays(java.util.List.of(head.getBytes(StandardCharsets.UTF_8),
					content, tail.getBytes(StandardCharsets.UTF_8))))
			.build());
	}

	/**
	 * @return the body as bytes (a download)
	 */
	public HttpResponse<byte[]> download(String path) {
		try {
			return this.http.send(HttpRequest.newBuilder(uri(path)).GET().build(),
					HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public Optional<HttpCookie> cookie(String name) {
		return this.cookies.getCookieStore().getCookies().stream().filter((c) -> c.getName().equals(name)).findFirst();
	}

	/**
	 * Sets a cookie as if the server had (a cookie copied from another browser).
	 */
	public void addCookie(String name, String value) {
		HttpCookie cookie = new HttpCookie(name, value);
		cookie.setPath("/");
		cookie.setVersion(0);
		this.cookies.getCookieStore().add(uri("/"), cookie);
	}

	void forgetSession() {
		this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((c) -> c.getName().equals("JSESSIONID"))
			.toList()
			.forEach((c) -> this.cookies.getCookieStore().remove(null, c));
	}

	public static String location(HttpResponse<?> response) {
		return response.headers().firstValue("Location").orElse("");
	}

	private URI uri(String path) {
		return URI.create("http://" + this.host + ":" + this.port + path);
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
