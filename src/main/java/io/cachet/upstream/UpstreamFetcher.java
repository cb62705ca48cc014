package io.cachet.upstream;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import io.cachet.outbound.OutboundHttp;
import io.cachet.outbound.OutboundPolicy;
import io.cachet.outbound.OutboundRequest;
import io.cachet.outbound.OutboundResponse;
import io.cachet.upstream.UpstreamFeed.ExternalComponent;
import io.cachet.upstream.UpstreamFeed.InvalidFeedException;
import io.cachet.upstream.UpstreamFeed.Parsed;

/**
 * Fetches a followed page. Only the configured address is called: Cachet's next pages are
 * the same address with {@code page=N}, never the links in the answer, and at most three
 * redirects are followed, to the same host only. Every request has a connect and answer
 * timeout, and answers larger than the limit are refused as they stream in. The calls go
 * through {@link OutboundHttp}, so each address, redirects included, passes the outbound
 * policy.
 */
@Component
class UpstreamFetcher {

	private static final int MAX_REDIRECTS = 3;

	private final UpstreamProperties properties;

	private final OutboundHttp http;

	private final JsonMapper json;

	UpstreamFetcher(UpstreamProperties properties, OutboundHttp http, JsonMapper json) {
		this.json = json;
		this.properties = properties;
		this.http = http;
	}

	/**
	 * @param kind the format the owner gave, or {@code null} to detect it
	 * @throws IOException when the page cannot be reached or answers other than 2xx
	 * @throws InvalidFeedException when the answer is not a status page we understand
	 */
	Parsed fetch(String url, @Nullable UpstreamKind kind) throws IOException, InvalidFeedException {
		Parsed first = UpstreamFeed.parse(this.json, get(URI.create(url)), kind);
		if (first.kind() != UpstreamKind.CACHET || first.totalPages() <= 1) {
			return first;
		}
		Map<String, ExternalComponent> all = new LinkedHashMap<>();
		first.components().forEach((component) -> all.putIfAbsent(component.id(), component));
		int pages = Math.min(first.totalPages(), this.properties.maxPages());
		for (int page = 2; page <= pages; page++) {
			URI next = UriComponentsBuilder.fromUriString(url).replaceQueryParam("page", page).build(true).toUri();
			UpstreamFeed.parse(this.json, get(next), UpstreamKind.CACHET)
				.components()
				.forEach((component) -> all.putIfAbsent(component.id(), component));
		}
		return new Parsed(UpstreamKind.CACHET, List.copyOf(all.values()), first.totalPages());
	}

	private byte[] get(URI address) throws IOException {
		OutboundResponse response = this.http.send(OutboundRequest.get(address, OutboundPolicy.Purpose.INTEGRATION)
			.withHeaders(Map.of("Accept", "application/json", "User-Agent", "Cachet-JVM upstream poller"))
			// The timeout bounds connection and headers, then as much again for a body
			// that trickles.
			.withTimeout(this.properties.timeout().multipliedBy(2))
			.withBodyLimit(this.properties.maxBytes(), false)
			.withRedirects(MAX_REDIRECTS, true));
		if (!response.successful()) {
			throw new IOException("HTTP " + response.status());
		}
		return response.body();
	}

}
