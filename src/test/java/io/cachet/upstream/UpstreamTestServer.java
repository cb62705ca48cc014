package io.cachet.upstream;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * A local status page that answers what the test tells it to, per path and query, and
 * remembers every request it was sent.
 */
final class UpstreamTestServer implements AutoCloseable {

	record Answer(int status, String body) {

	}

	private final HttpServer server;

	private final Map<String, Answer> answers = new ConcurrentHashMap<>();

	final List<String> requests = new CopyOnWriteArrayList<>();

	UpstreamTestServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", (exchange) -> {
			String target = exchange.getRequestURI().getRawPath() + ((exchange.getRequestURI().getRawQuery() != null)
					? "?" + exchange.getRequestURI().getRawQuery() : "");
			this.requests.add(target);
			Answer answer = this.answers.getOrDefault(target, new Answer(404, "{}"));
			byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(answer.status(), body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		this.server.start();
	}

	void answer(String target, int status, String body) {
		this.answers.put(target, new Answer(status, body));
	}

	String url(String target) {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + target;
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/**
	 * A Statuspage summary.json: a group row, then components {@code id, name, status}.
	 */
	static String summary(String[]... components) {
		StringBuilder json = new StringBuilder("{\"page\":{\"id\":\"kctbh9vrtdwd\",\"name\":\"GitHub\","
				+ "\"url\":\"https://www.githubstatus.com\",\"time_zone\":\"Etc/UTC\","
				+ "\"updated_at\":\"2026-01-05T10:00:00.000Z\"},\"components\":[{\"id\":\"grp1\",\"name\":\"Core\","
				+ "\"status\":\"major_outage\",\"created_at\":\"2017-01-31T20:01:46.621Z\",\"position\":1,"
				+ "\"description\":null,\"showcase\":false,\"start_date\":null,\"group_id\":null,"
				+ "\"page_id\":\"kctbh9vrtdwd\",\"group\":true,\"only_show_if_degraded\":false,\"components\":[");
		for (int i = 0; i < components.length; i++) {
			json.append((i > 0) ? "," : "").append('"').append(components[i][0]).append('"');
		}
		json.append("]}");
		for (String[] component : components) {
			json.append(",{\"id\":\"")
				.append(component[0])
				.append("\",\"name\":\"")
				.append(component[1])
				.append("\",\"status\":\"")
				.append(component[2])
				.append("\",\"created_at\":\"2017-01-31T20:05:05.370Z\",\"updated_at\":\"2026-01-05T09:00:00.000Z\","
						+ "\"position\":2,\"description\":\"\",\"showcase\":true,\"start_date\":null,"
						+ "\"group_id\":\"grp1\",\"page_id\":\"kctbh9vrtdwd\",\"group\":false,"
						+ "\"only_show_if_degraded\":false}");
		}
		return json
			.append("],\"incidents\":[],\"scheduled_maintenances\":[],"
					+ "\"status\":{\"indicator\":\"none\",\"description\":\"All Systems Operational\"}}")
			.toString();
	}

}
