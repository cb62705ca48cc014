package io.cachet.cachetimport;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.hc.client5.http.ConnectTimeoutException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.cachet.outbound.OutboundBodyTooLargeException;
import io.cachet.outbound.OutboundHttp;
import io.cachet.outbound.OutboundPolicy;
import io.cachet.outbound.OutboundRefusedException;
import io.cachet.outbound.OutboundRequest;
import io.cachet.outbound.OutboundResponse;

/**
 * Reads a Cachet 2.4 API. Only the address given is called: next pages are asked for with
 * {@code page=N} on the same path, never by following the links in the answers, and a
 * redirect is an error. Every request has a connect and answer timeout, and answers over
 * {@link #MAX_BYTES} are refused as they stream in. The calls go through
 * {@link OutboundHttp}, so the address must pass the outbound policy. Times are asked for
 * in UTC ({@code Time-Zone} header).
 */
class CachetClient {

	static final long MAX_BYTES = 32L * 1024 * 1024;

	private final URI api;

	private final String token;

	private final OutboundHttp http;

	private final Duration timeout;

	private final int perPage;

	private final int maxPages;

	private final JsonMapper json;

	CachetClient(URI baseUrl, String token, Duration timeout, int perPage, int maxPages, JsonMapper json,
			OutboundHttp http) {
		this.api = apiRoot(baseUrl);
		this.token = token.strip();
		this.timeout = timeout;
		this.perPage = perPage;
		this.maxPages = maxPages;
		this.json = json;
		this.http = http;
	}

	/**
	 * @return {@code <base>/api/v1}, from a status page address with or without the API
	 * path
	 * @throws CachetImportException for anything but an absolute http(s) address
	 */
	static URI apiRoot(URI baseUrl) {
		String scheme = (baseUrl.getScheme() != null) ? baseUrl.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!(scheme.equals("http") || scheme.equals("https")) || baseUrl.getHost() == null) {
			throw new CachetImportException(
					"Give the address of the Cachet status page, such as https://status.example.com");
		}
		String path = (baseUrl.getPath() != null) ? baseUrl.getPath() : "";
		path = path.replaceAll("/+$", "");
		if (path.endsWith("/api/v1")) {
			path = path.substring(0, path.length() - "/api/v1".length());
		}
		int port = baseUrl.getPort();
		return URI.create(scheme + "://" + baseUrl.getHost() + ((port != -1) ? ":" + port : "") + path + "/api/v1");
	}

	URI api() {
		return this.api;
	}

	/**
	 * Reads every page of a list, up to the page limit.
	 * @param path below {@code /api/v1}, such as {@code /components}
	 * @param progress told after each page
	 */
	Listing list(String path, String what, ImportProgress progress) {
		List<JsonNode> items = new ArrayList<>();
		int page = 1;
		int totalPages;
		do {
			JsonNode answer = get(path + "?per_page=" + this.perPage + "&page=" + page);
			JsonNode data = answer.path("data");
			if (!data.isArray()) {
				throw new CachetImportException(this.api + path + " did not answer a Cachet list");
			}
			data.values().forEach(items::add);
			totalPages = answer.path("meta").path("pagination").path("total_pages").asInt(1);
			progress.report("Read " + items.size() + " " + what);
			if (data.isEmpty()) {
				break;
			}
			page++;
		}
		while (page <= totalPages && page <= this.maxPages);
		return new Listing(items, totalPages > this.maxPages);
	}

	JsonNode get(String path) {
		URI uri = URI.create(this.api + path);
		OutboundResponse response = send(OutboundRequest.get(uri, OutboundPolicy.Purpose.INTEGRATION)
			.withHeaders(Map.of("Accept", "application/json", "X-Cachet-Token", this.token, "Time-Zone", "UTC",
					"User-Agent", "Cachet-JVM importer"))
			// The timeout bounds connection and headers, then as much again for a body
			// that trickles.
			.withTimeout(this.timeout.multipliedBy(2))
			.withBodyLimit(MAX_BYTES, false));
		int status = response.status();
		if (status == 401 || status == 403) {
			throw new CachetImportException("Cachet refused the API token (HTTP " + status + " for " + uri.getPath()
					+ "). Use the API token of an admin of that Cachet (Dashboard → Profile).");
		}
		if (status >= 300 && status < 400) {
			throw new CachetImportException(uri + " redirects to "
					+ response.header("Location").orElse("another address") + "; give the address it redirects to.");
		}
		if (status == 404) {
			throw new CachetImportException(
					"No Cachet 2.4 API at " + this.api + " (HTTP 404 for " + uri.getPath() + ")");
		}
		if (status < 200 || status > 299) {
			throw new CachetImportException("Cachet answered HTTP " + status + " for " + uri.getPath());
		}
		try {
			return this.json.readTree(response.body());
		}
		catch (JacksonException ex) {
			throw new CachetImportException(uri + " did not answer JSON: is it a Cachet 2.4?", ex);
		}
	}

	private OutboundResponse send(OutboundRequest request) {
		try {
			return this.http.send(request);
		}
		catch (IOException ex) {
			throw failure(ex, request.uri());
		}
	}

	private CachetImportException failure(IOException cause, URI uri) {
		if (cause instanceof OutboundRefusedException) {
			return new CachetImportException("Cannot read from " + host() + ": " + cause.getMessage(), cause);
		}
		if (cause instanceof ConnectTimeoutException) {
			return new CachetImportException(
					"Cannot reach " + host() + ": no connection within " + this.timeout.toSeconds() + " s", cause);
		}
		if (cause instanceof SocketTimeoutException) {
			return new CachetImportException(
					host() + " did not answer within " + this.timeout.multipliedBy(2).toSeconds() + " s", cause);
		}
		if (cause instanceof ConnectException) {
			return new CachetImportException("Cannot reach " + host() + ": connection refused", cause);
		}
		if (cause instanceof OutboundBodyTooLargeException) {
			return new CachetImportException(uri.getPath() + " answered more than " + MAX_BYTES / 1024 / 1024 + " MB",
					cause);
		}
		return new CachetImportException(
				"Cannot read from " + host() + ": "
						+ ((cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName()),
				cause);
	}

	private String host() {
		return this.api.getHost() + ((this.api.getPort() != -1) ? ":" + this.api.getPort() : "");
	}

	/**
	 * The items of a list.
	 *
	 * @param truncated whether pages beyond the limit were left unread
	 */
	record Listing(List<JsonNode> items, boolean truncated) {
	}

}
