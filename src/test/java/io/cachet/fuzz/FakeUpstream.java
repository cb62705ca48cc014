package io.cachet.fuzz;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;

/**
 * The other side of the fixtures' outgoing traffic: a Statuspage page to follow
 * ({@code /api/v2/summary.json}, one component) and a webhook receiver that fails
 * ({@code /hook} answers 500), so that the dashboard has deliveries to retry.
 */
final class FakeUpstream implements AutoCloseable {

	private static final String SUMMARY = "{\"page\":{\"id\":\"p1\",\"name\":\"Vendor\",\"url\":\"https://vendor.example\","
			+ "\"time_zone\":\"Etc/UTC\",\"updated_at\":\"2026-01-05T10:00:00.000Z\"},\"components\":[{\"id\":\"c1\","
			+ "\"name\":\"Vendor API\",\"status\":\"operational\",\"created_at\":\"2017-01-31T20:05:05.370Z\","
			+ "\"updated_at\":\"2026-01-05T09:00:00.000Z\",\"position\":1,\"description\":\"\",\"showcase\":true,"
			+ "\"start_date\":null,\"group_id\":null,\"page_id\":\"p1\",\"group\":false,"
			+ "\"only_show_if_degraded\":false}],\"incidents\":[],\"scheduled_maintenances\":[],"
			+ "\"status\":{\"indicator\":\"none\",\"description\":\"All Systems Operational\"}}";

	private final HttpServer server;

	FakeUpstream() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", (exchange) -> {
			boolean summary = exchange.getRequestURI().getPath().equals("/api/v2/summary.json");
			byte[] body = (summary ? SUMMARY : "{}").getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(summary ? 200 : 500, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		this.server.start();
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
