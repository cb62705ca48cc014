package io.cachet.upstream;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import io.cachet.upstream.UpstreamFeed.ExternalComponent;
import io.cachet.upstream.UpstreamFeed.InvalidFeedException;
import io.cachet.upstream.UpstreamFeed.Parsed;

/**
 * Fetches a followed page. Only the configured address is called: Cachet's next pages are
 * the same address with {@code page=N}, never the links in the answer, and at most three
 * redirects are followed, to the same host only. Every request has a connect and answer
 * timeout, and answers larger than the limit are refused.
 */
@Component
class UpstreamFetcher {

	private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

	private static final int MAX_REDIRECTS = 3;

	private final UpstreamProperties properties;

	private final HttpClient http;

	UpstreamFetcher(UpstreamProperties properties) {
		this.properties = properties;
		this.http = HttpClient.newBuilder()
			.connectTimeout(properties.timeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/**
	 * @param kind the format the owner gave, or {@code null} to detect it
	 * @throws IOException when the page cannot be reached or answers other than 2xx
	 * @throws InvalidFeedException when the answer is not a status page we understand
	 */
	Parsed fetch(String url, @Nullable UpstreamKind kind) throws IOException, InvalidFeedException {
		Parsed first = UpstreamFeed.parse(get(URI.create(url)), kind);
		if (first.kind() != UpstreamKind.CACHET || first.totalPages() <= 1) {
			return first;
		}
		Map<String, ExternalComponent> all = new LinkedHashMap<>();
		first.components().forEach((component) -> all.putIfAbsent(component.id(), component));
		int pages = Math.min(first.totalPages(), this.properties.maxPages());
		for (int page = 2; page <= pages; page++) {
			URI next = UriComponentsBuilder.fromUriString(url).replaceQueryParam("page", page).build(true).toUri();
			UpstreamFeed.parse(get(next), UpstreamKind.CACHET)
				.components()
				.forEach((component) -> all.putIfAbsent(component.id(), component));
		}
		return new Parsed(UpstreamKind.CACHET, List.copyOf(all.values()), first.totalPages());
	}

	private byte[] get(URI address) throws IOException {
		URI current = address;
		for (int redirects = 0;; redirects++) {
			HttpResponse<byte @Nullable []> response = send(current);
			int status = response.statusCode();
			if (REDIRECTS.contains(status) && redirects < MAX_REDIRECTS) {
				String location = response.headers()
					.firstValue("Location")
					.orElseThrow(() -> new IOException("HTTP " + status + " without a Location"));
				URI next = current.resolve(location);
				String scheme = Objects.requireNonNullElse(next.getScheme(), "").toLowerCase(java.util.Locale.ROOT);
				if (!(scheme.equals("http") || scheme.equals("https"))
						|| !address.getHost().equalsIgnoreCase(next.getHost())) {
					throw new IOException("Redirected to " + next.getHost() + ", which was not configured");
				}
				current = next;
				continue;
			}
			if (status < 200 || status > 299) {
				throw new IOException("HTTP " + status);
			}
			byte[] body = response.body();
			if (body == null || body.length > this.properties.maxBytes()) {
				throw new IOException("The answer is larger than " + this.properties.maxBytes() + " bytes");
			}
			return body;
		}
	}

	private HttpResponse<byte @Nullable []> send(URI uri) throws IOException {
		HttpRequest request = HttpRequest.newBuilder(uri)
			.timeout(this.properties.timeout())
			.header("Accept", "application/json")
			.header("User-Agent", "Cachet-JVM upstream poller")
			.GET()
			.build();
		long limit = this.properties.maxBytes();
		HttpResponse.BodyHandler<byte @Nullable []> handler = (
				info) -> (info.headers().firstValueAsLong("Content-Length").orElse(-1) > limit)
						? HttpResponse.BodySubscribers.replacing(null) : HttpResponse.BodySubscribers.ofByteArray();
		CompletableFuture<HttpResponse<byte @Nullable []>> future = this.http.sendAsync(request, handler);
		try {
			// The request timeout covers the headers; this bounds a body that trickles.
			return future.get(this.properties.timeout().toMillis() * 2, TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			future.cancel(true);
			throw new IOException("No complete answer within " + this.properties.timeout().toSeconds() * 2 + " s");
		}
		catch (ExecutionException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			String message = (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
			throw new IOException(message, cause);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted");
		}
	}

}
