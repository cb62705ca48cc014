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
			if (body.length > 0 || !method.equals("GET")) {
				head.append("Content-Length: ").append(body.length).append("\r\n");
			}
			head.append("\r\n");
			OutputStream out = socket.getOutputStream();
			out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
			out.write(body);
			out.flush();
			InputStream in = socket.getInputStream();
			String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			int status = Integer.parseInt(answer.substring(9, 12));
			int split = answer.indexOf("\r\n\r\n");
			return new Response(status, answer.substring(0, split), answer.substring(split + 4));
		}
	}

	public record Response(int status, String head, String body) {

	}

}
