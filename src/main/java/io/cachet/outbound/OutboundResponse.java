package io.cachet.outbound;

import java.net.URI;
import java.util.Optional;

import org.springframework.http.HttpHeaders;

/**
 * The answer of an {@link OutboundHttp} call.
 *
 * @param uri the address that answered (after redirects)
 * @param body as much of the body as was read
 * @param truncated whether the body was longer than the limit and was cut
 */
public record OutboundResponse(URI uri, int status, HttpHeaders headers, byte[] body, boolean truncated) {

	public boolean successful() {
		return this.status >= 200 && this.status <= 299;
	}

	public Optional<String> header(String name) {
		return Optional.ofNullable(this.headers.getFirst(name));
	}

}
