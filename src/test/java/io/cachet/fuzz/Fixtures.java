package io.cachet.fuzz;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One of each thing the API manages, created through the API before the fuzzing starts,
 * so that every route has a real id to aim at (and to miss).
 */
final class Fixtures {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final FuzzHttp http;

	private final String token;

	private final Map<String, Long> ids = new LinkedHashMap<>();

	private final long now = Instant.now().getEpochSecond();

	private String pushToken = "0".repeat(40);

	private String upstreamBase = "";

	Fixtures(FuzzHttp http, String token) {
		this.http = http;
		this.token = token;
	}

	/**
	 * @param upstreamBase where a Statuspage summary ({@code /api/v2/summary.json}) and a
	 * webhook receiver ({@code /hook}, answering 500) listen
	 */
	Fixtures create(String upstreamBase) {
		this.upstreamBase = upstreamBase;
		// a webhook that fails, so that the dashboard has deliveries to retry; disabled
		// again once the first incident has gone out
		post("liveWebhook", "/api/v1/webhooks",
				"{\"url\":\"" + upstreamBase + "/hook\",\"send_all_events\":true,\"enabled\":true}");
		long group = post("group", "/api/v1/components/groups", "{\"name\":\"Platform\",\"collapsed\":0}");
		long component = post("component", "/api/v1/components",
				"{\"name\":\"API\",\"status\":1,\"group_id\":" + group + ",\"tags\":[\"core\"]}");
		post("component2", "/api/v1/components", "{\"name\":\"Website\",\"status\":1}");
		long incident = post("incident", "/api/v1/incidents",
				"{\"name\":\"Slow API\",\"status\":1,\"message\":\"Looking into it\",\"notify\":false,\"components\":{\""
						+ component + "\":3}}");
		post("update", "/api/v1/incidents/" + incident + "/updates", "{\"status\":2,\"message\":\"Found it\"}");
		post("template", "/api/v1/incidents/templates", "{\"name\":\"Outage\",\"template\":\"{{ service }} down\"}");
		post("schedule", "/api/v1/schedules",
				"{\"name\":\"Upgrade\",\"message\":\"DB\",\"status\":0,\"scheduled_at\":\"2027-01-01 02:00:00\",\"components\":{\""
						+ component + "\":2}}");
		long metric = post("metric", "/api/v1/metrics",
				"{\"name\":\"Latency\",\"suffix\":\"ms\",\"default_value\":0,\"display_chart\":true}");
		post("point", "/api/v1/metrics/" + metric + "/points", "{\"value\":10,\"timestamp\":" + (this.now - 60) + "}");
		JsonNode subscriber = call("POST", "/api/v1/subscribers",
				"{\"email\":\"reader@example.com\",\"verify\":true,\"components\":[" + component + "]}");
		this.ids.put("subscriber", subscriber.path("data").path("id").asLong());
		this.ids.put("subscription",
				subscriber.path("data").path("subscriptions").path(0).path("id").asLong(this.ids.get("subscriber")));
		post("webhook", "/api/v1/webhooks", "{\"url\":\"http://127.0.0.1:9/hook\",\"enabled\":false}");
		JsonNode monitor = call("POST", "/api/v1/monitors",
				"{\"type\":\"push\",\"component_id\":" + component + ",\"interval\":3600,\"enabled\":false}");
		this.ids.put("monitor", monitor.path("data").path("id").asLong());
		Matcher push = Pattern.compile("/api/v1/monitors/push/([0-9a-f]{40})").matcher(monitor.toString());
		if (push.find()) {
			this.pushToken = push.group(1);
		}
		long upstream = post("upstream", "/api/v1/upstreams", "{\"name\":\"Vendor\",\"url\":\"" + upstreamBase
				+ "/api/v2/summary.json\",\"interval\":3600,\"enabled\":true}");
		this.ids.put("upstreamComponent", awaitUpstreamComponent(upstream));
		call("PUT", "/api/v1/upstreams/" + upstream, "{\"enabled\":false}");
		awaitDelivery();
		call("PUT", "/api/v1/webhooks/" + this.ids.get("liveWebhook"), "{\"enabled\":false}");
		return this;
	}

	private long awaitUpstreamComponent(long upstream) {
		for (int i = 0; i < 200; i++) {
			JsonNode components = call("GET", "/api/v1/upstreams/" + upstream, null).path("data").path("components");
			if (components.size() > 0) {
				return components.path(0).path("id").asLong();
			}
			pause();
		}
		throw new IllegalStateException("the upstream fixture was never polled");
	}

	private void awaitDelivery() {
		for (int i = 0; i < 200; i++) {
			JsonNode deliveries = call("GET", "/api/v1/webhooks/" + this.ids.get("liveWebhook") + "/deliveries", null)
				.path("data");
			for (JsonNode delivery : deliveries) {
				if (delivery.path("status").asString("").equals("failed")) {
					this.ids.put("failedNotification", delivery.path("notification_id").asLong());
					return;
				}
			}
			pause();
		}
		throw new IllegalStateException("the webhook fixture never delivered");
	}

	private static void pause() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private long post(String name, String path, String json) {
		long id = call("POST", path, json).path("data").path("id").asLong();
		this.ids.put(name, id);
		return id;
	}

	private JsonNode call(String method, String path, String json) {
		FuzzHttp.Answer answer = this.http.send(FuzzHttp.Request.of(method, path, "application/json", json, "fixture")
			.header("X-Cachet-Token", this.token));
		if (answer.status() != 200) {
			throw new IllegalStateException("fixture " + path + " answered " + answer.status() + ": " + answer.body());
		}
		return JSON.readTree(answer.body().getBytes(StandardCharsets.UTF_8));
	}

	long id(String name) {
		Long id = this.ids.get(name);
		if (id == null) {
			throw new IllegalArgumentException("no fixture " + name);
		}
		return id;
	}

	String pushToken() {
		return this.pushToken;
	}

	String upstreamBase() {
		return this.upstreamBase;
	}

	long now() {
		return this.now;
	}

	@Override
	public String toString() {
		return this.ids.toString();
	}

}
