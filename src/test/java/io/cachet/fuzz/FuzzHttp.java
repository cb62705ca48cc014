package io.cachet.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Sends the fuzzer's requests over real HTTP and times them: through {@link HttpClient},
 * or through a plain socket for what {@code HttpClient} refuses to send (a path with a
 * bad %-escape, a raw request written byte by byte).
 */
final class FuzzHttp {

	/**
	 * One request. {@code mutation} names what was changed from the valid request.
	 * {@code raw}, when set, is the whole HTTP/1.1 request sent as it is over a socket.
	 */
	record Request(String method, String path, @Nullable String contentType, byte[] body, Map<String, String> headers,
			String mutation, byte @Nullable [] raw) {

		static Request of(String method, String path, @Nullable String contentType, @Nullable String body,
				String mutation) {
			return new Request(method, path, contentType,
					(body != null) ? body.getBytes(StandardCharsets.UTF_8) : new byte[0], new LinkedHashMap<>(),
					mutation, null);
		}

		static Request raw(String method, String path, String mutation, byte[] raw) {
			return new Request(method, path, null, new byte[0], new LinkedHashMap<>(), mutation, raw);
		}

		Request header(String name, String value) {
			this.headers.put(name, value);
			return this;
		}

		/** What a failure report prints: enough to send the same request again. */
		String describe() {
			byte[] bytes = (this.raw != null) ? this.raw : this.body;
			String prefix = new String(bytes, 0, Math.min(bytes.length, 300), StandardCharsets.UTF_8)
				.replace("\r", "\\r")
				.replace("\n", "\\n");
			String path = (this.path.length() > 300) ? this.path.substring(0, 300) + "…(" + this.path.length() + ")"
					: this.path;
			return this.method + " " + path + " [" + this.mutation + "] content-type=" + this.contentType + " body("
					+ bytes.length + " bytes)=" + prefix;
		}

	}

	record Answer(int status, String body, long millis, String location) {
	}

	private static final Duration TIMEOUT = Duration.ofSeconds(15);

	private final HttpClient http = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(TIMEOUT)
		.build();

	private final int port;

	FuzzHttp(int port) {
		this.port = port;
	}

	Answer send(Request request) {
		long start = System.nanoTime();
		int status;
		String body;
		String location = "";
		if (request.raw() != null) {
			String[] answer = overSocket(request.raw());
			status = Integer.parseInt(answer[0]);
			body = answer[1];
			location = location(body);
		}
		else {
			URI uri = uri(request.path());
			if (uri == null) {
				String[] answer = overSocket(rawRequest(request));
				status = Integer.parseInt(answer[0]);
				body = answer[1];
				location = location(body);
			}
			else {
				HttpResponse<String> response = overClient(uri, request);
				status = response.statusCode();
				body = response.body();
				location = response.headers().firstValue("Location").orElse("");
			}
		}
		return new Answer(status, body, (System.nanoTime() - start) / 1_000_000, location);
	}

	/**
	 * The Location header of an answer read from a socket (a redirect's flash waits
	 * there).
	 */
	private static String location(String rawAnswer) {
		java.util.regex.Matcher header = LOCATION.matcher(rawAnswer);
		return header.find() ? header.group(1).strip() : "";
	}

	private static final java.util.regex.Pattern LOCATION = java.util.regex.Pattern
		.compile("(?im)^location:\\s*([^\r\n]*)");

	private @Nullable URI uri(String path) {
		try {
			return URI.create("http://localhost:" + this.port + path);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private HttpResponse<String> overClient(URI uri, Request request) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
			.timeout(TIMEOUT)
			.method(request.method(), (request.body().length > 0)
					? HttpRequest.BodyPublishers.ofByteArray(request.body()) : HttpRequest.BodyPublishers.noBody());
		if (request.contentType() != null) {
			builder.header("Content-Type", request.contentType());
		}
		request.headers().forEach(builder::header);
		try {
			return this.http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException("no answer to " + request.describe(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	byte[] rawRequest(Request request) {
		StringBuilder head = new StringBuilder(request.method()).append(' ')
			.append(request.path())
			.append(" HTTP/1.1\r\nHost: localhost:")
			.append(this.port)
			.append("\r\nConnection: close\r\n");
		if (request.contentType() != null) {
			head.append("Content-Type: ").append(request.contentType()).append("\r\n");
		}
		request.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
		head.append("Content-Length: ").append(request.body().length).append("\r\n\r\n");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
		out.writeBytes(request.body());
		return out.toByteArray();
	}

	/**
	 * @return the status (0: the server closed the connection without an answer) and body
	 */
	private String[] overSocket(byte[] raw) {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout((int) TIMEOUT.toMillis());
			OutputStream out = socket.getOutputStream();
			out.write(raw);
			out.flush();
			socket.shutdownOutput();
			InputStream in = socket.getInputStream();
			byte[] answer = in.readAllBytes();
			String text = new String(answer, StandardCharsets.ISO_8859_1);
			if (!text.startsWith("HTTP/1.1 ")) {
				return new String[] { "0", text };
			}
			return new String[] { text.substring(9, 12), text };
		}
		catch (SocketTimeoutException ex) {
			return new String[] { "-1", "timed out" };
		}
		catch (IOException ex) {
			// a reset after the server answered and closed early is an answer too
			return new String[] { "0", ex.toString() };
		}
	}

}
