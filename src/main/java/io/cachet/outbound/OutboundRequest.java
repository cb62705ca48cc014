package io.cachet.outbound;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One call for {@link OutboundHttp}: made with {@link #get} or {@link #post}, then
 * narrowed with the {@code with…} methods.
 *
 * @param timeout bounds the whole exchange: connection, redirects and body
 * @param maxBodyBytes the most of the answer's body that is read
 * @param truncate whether a longer body is cut at {@code maxBodyBytes} (else it fails the
 * call)
 * @param maxRedirects redirects followed; with 0 a redirect is answered as it is
 * @param sameHostOnly whether redirects may only stay on the host first called
 */
public record OutboundRequest(String method, URI uri, OutboundPolicy.Purpose purpose, Map<String, String> headers,
		byte @Nullable [] body, Duration timeout, long maxBodyBytes, boolean truncate, int maxRedirects,
		boolean sameHostOnly) {

	public OutboundRequest {
		headers = Map.copyOf(headers);
	}

	public static OutboundRequest get(URI uri, OutboundPolicy.Purpose purpose) {
		return new OutboundRequest("GET", uri, purpose, Map.of(), null, Duration.ofSeconds(10), 0, true, 0, true);
	}

	/**
	 * @param contentType the body's media type
	 */
	public static OutboundRequest post(URI uri, OutboundPolicy.Purpose purpose, byte[] body, String contentType) {
		return new OutboundRequest("POST", uri, purpose, Map.of("Content-Type", contentType), body,
				Duration.ofSeconds(10), 0, true, 0, true);
	}

	/**
	 * @param more headers that replace those of the same name (in any case)
	 */
	public OutboundRequest withHeaders(Map<String, String> more) {
		Map<String, String> all = new LinkedHashMap<>(this.headers);
		all.keySet().removeIf((name) -> more.keySet().stream().anyMatch(name::equalsIgnoreCase));
		all.putAll(more);
		return new OutboundRequest(this.method, this.uri, this.purpose, all, this.body, this.timeout, this.maxBodyBytes,
				this.truncate, this.maxRedirects, this.sameHostOnly);
	}

	public OutboundRequest withTimeout(Duration timeout) {
		return new OutboundRequest(this.method, this.uri, this.purpose, this.headers, this.body, timeout,
				this.maxBodyBytes, this.truncate, this.maxRedirects, this.sameHostOnly);
	}

	/**
	 * @param truncate whether a longer body is cut (else the call fails)
	 */
	public OutboundRequest withBodyLimit(long maxBytes, boolean truncate) {
		return new OutboundRequest(this.method, this.uri, this.purpose, this.headers, this.body, this.timeout, maxBytes,
				truncate, this.maxRedirects, this.sameHostOnly);
	}

	/**
	 * @param sameHostOnly whether a redirect to another host is refused
	 */
	public OutboundRequest withRedirects(int max, boolean sameHostOnly) {
		return new OutboundRequest(this.method, this.uri, this.purpose, this.headers, this.body, this.timeout,
				this.maxBodyBytes, this.truncate, max, sameHostOnly);
	}

}
