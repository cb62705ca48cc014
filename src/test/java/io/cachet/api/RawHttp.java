package io.cachet.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Sends a request byte for byte over a socket, for what {@code java.net.http} refuses to
 * send: a malformed query string ({@code ?name=%zz}), a raw multipart body. HTTP/1.0, so
 * the answer is neither chunked nor kept alive.
 */
public final class RawHttp {

	private RawHttp() {
	}

	public static Response send(int port, String method, String target, Map<String, String> headers, String body)
			throws IOException {
		return send(port, method, target, headers, body.getBytes(StandardCharsets.UTF_8));
	}

	public static Response send(int port, String method, String target, Map<String, String> headers, byte[] body)
			throws IOException {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(10_000);
			StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.0\r\nHost: localhost\r\n");
			headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
			if (!headers.containsKey("Content-Length") && (body.length > 0 || !method.equals("GET"))) {
				head.append("Content-Length: ").append(body.length).append("\r\n");
			}
			head.append("\r\n");
			OutputStream out = socket.getOutputStream();
			out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
			out.write(body);
			out.flush();
			return read(socket.getInputStream());
		}
	}

	/**
	 * Sends bytes exactly as given, head included: for what even a hand-written head
	 * cannot say over HTTP/1.0 (a chunked body, a broken chunk).
	 */
	public static Response sendRaw(int port, byte[] request) throws IOException {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request);
			out.flush();
			return read(socket.getInputStream());
		}
	}

	/**
	 * Reads the answer up to its declared length, not to the end of the connection: a
	 * server that refuses a body may wait for the rest of it before closing.
	 */
	private static Response read(InputStream in) throws IOException {
		java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream();
		int matched = 0;
		while (matched < 4) {
			int b = in.read();
			if (b < 0) {
				break;
			}
			head.write(b);
			matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : ((b == '\r') ? 1 : 0);
		}
		String headText = head.toString(StandardCharsets.ISO_8859_1);
		int status = Integer.parseInt(headText.substring(9, 12));
		java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?im)^content-length:\\s*(\\d+)")
			.matcher(headText);
		byte[] body = length.find() ? in.readNBytes(Integer.parseInt(length.group(1))) : in.readAllBytes();
		return new Response(status, headText.strip(), new String(body, StandardCharsets.UTF_8));
	}

	public record Response(int status, String head, String body) {

	}

}
