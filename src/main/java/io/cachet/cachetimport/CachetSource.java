package io.cachet.cachetimport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Everything read from a Cachet before anything is written, so a failed read writes
 * nothing.
 *
 * @param points metric id (Cachet's) to its points
 * @param updates incident id (Cachet's) to its updates
 * @param warnings what was read only in part
 */
record CachetSource(List<JsonNode> groups, List<JsonNode> components, List<JsonNode> incidents,
		Map<Long, List<JsonNode>> updates, List<JsonNode> schedules, List<JsonNode> metrics,
		Map<Long, List<JsonNode>> points, List<JsonNode> subscribers, List<String> warnings) {

	static CachetSource read(CachetClient client, ImportProgress progress) {
		List<String> warnings = new ArrayList<>();
		List<JsonNode> groups = all(client, "/components/groups", "component groups", progress, warnings);
		List<JsonNode> components = all(client, "/components", "components", progress, warnings);
		List<JsonNode> incidents = all(client, "/incidents", "incidents", progress, warnings);
		Map<Long, List<JsonNode>> updates = new LinkedHashMap<>();
		for (JsonNode incident : incidents) {
			JsonNode embedded = incident.path("updates");
			long id = CachetJson.id(incident);
			updates.put(id, embedded.isArray() ? List.copyOf(embedded.values())
					: all(client, "/incidents/" + id + "/updates", "updates of incident " + id, progress, warnings));
		}
		List<JsonNode> schedules = all(client, "/schedules", "maintenance windows", progress, warnings);
		List<JsonNode> metrics = all(client, "/metrics", "metrics", progress, warnings);
		Map<Long, List<JsonNode>> points = new LinkedHashMap<>();
		for (JsonNode metric : metrics) {
			long id = CachetJson.id(metric);
			points.put(id, all(client, "/metrics/" + id + "/points", "points of metric " + id, progress, warnings));
		}
		List<JsonNode> subscribers = all(client, "/subscribers", "subscribers", progress, warnings);
		return new CachetSource(groups, components, incidents, updates, schedules, metrics, points, subscribers,
				warnings);
	}

	private static List<JsonNode> all(CachetClient client, String path, String what, ImportProgress progress,
			List<String> warnings) {
		CachetClient.Listing listing = client.list(path, what, progress);
		if (listing.truncated()) {
			warnings.add("Only the first " + listing.items().size() + " " + what + " were read (page limit).");
		}
		return listing.items();
	}

}
