package io.cachet.upstream;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.cachet.component.ComponentStatus;

/**
 * Reads a followed page's answer, telling the two formats apart by their shape: an object
 * with a {@code components} array is Statuspage's ({@code summary.json} or
 * {@code components.json}), one with a {@code data} array is Cachet's
 * {@code /api/v1/components}.
 * <p>
 * Statuspage statuses: {@code operational} 1 Operational, {@code degraded_performance} 2
 * Performance Issues, {@code partial_outage} 3 Partial Outage, {@code major_outage} 4
 * Major Outage, {@code under_maintenance} 2 Performance Issues (planned work is flagged
 * without calling it an outage; we cannot show another page's maintenance as ours),
 * anything else 0 Unknown. Rows with {@code "group": true} are the page's groups and are
 * skipped (their children are flattened into our one group). Cachet statuses 0-4 are
 * taken as they are (a number, a numeric string, or an object with a {@code value}),
 * anything else is 0 Unknown.
 */
final class UpstreamFeed {

	private UpstreamFeed() {
	}

	/**
	 * A component as the followed page reports it.
	 */
	record ExternalComponent(String id, String name, ComponentStatus status) {

	}

	/**
	 * @param totalPages the pages of a Cachet list (1 for Statuspage)
	 */
	record Parsed(UpstreamKind kind, List<ExternalComponent> components, int totalPages) {

	}

	/**
	 * The answer is not a status page we understand.
	 */
	static class InvalidFeedException extends Exception {

		InvalidFeedException(String message) {
			super(message);
		}

	}

	/**
	 * @param expected the format the owner gave, or {@code null} to detect it
	 */
	static Parsed parse(JsonMapper json, byte[] body, @Nullable UpstreamKind expected) throws InvalidFeedException {
		JsonNode root;
		try {
			root = json.readTree(body);
		}
		catch (JacksonException ex) {
			throw new InvalidFeedException("The answer is not JSON.");
		}
		UpstreamKind kind = detect(root);
		if (kind == null) {
			throw new InvalidFeedException(
					"The answer is neither a Statuspage summary.json nor a Cachet /api/v1/components list.");
		}
		if (expected != null && kind != expected) {
			throw new InvalidFeedException("Expected a " + expected.value() + " answer, got " + kind.value() + ".");
		}
		return (kind == UpstreamKind.STATUSPAGE) ? statuspage(root) : cachet(root);
	}

	static ComponentStatus statuspageStatus(String status) {
		return switch (status.strip().toLowerCase(Locale.ROOT)) {
			case "operational" -> ComponentStatus.OPERATIONAL;
			case "degraded_performance", "under_maintenance" -> ComponentStatus.PERFORMANCE_ISSUES;
			case "partial_outage" -> ComponentStatus.PARTIAL_OUTAGE;
			case "major_outage" -> ComponentStatus.MAJOR_OUTAGE;
			default -> ComponentStatus.UNKNOWN;
		};
	}

	static ComponentStatus cachetStatus(JsonNode status) {
		JsonNode value = status.isObject() ? status.path("value") : status;
		int code = -1;
		if (value.isIntegralNumber()) {
			code = value.asInt(-1);
		}
		else if (value.isString()) {
			try {
				code = Integer.parseInt(value.stringValue().strip());
			}
			catch (NumberFormatException ex) {
				// unknown below
			}
		}
		return ComponentStatus.fromCode(code).orElse(ComponentStatus.UNKNOWN);
	}

	private static @Nullable UpstreamKind detect(JsonNode root) {
		if (!root.isObject()) {
			return null;
		}
		if (root.path("components").isArray()) {
			return UpstreamKind.STATUSPAGE;
		}
		if (root.path("data").isArray()) {
			return UpstreamKind.CACHET;
		}
		return null;
	}

	private static Parsed statuspage(JsonNode root) {
		Map<String, ExternalComponent> found = new LinkedHashMap<>();
		for (JsonNode entry : root.path("components").values()) {
			if (!entry.isObject() || entry.path("group").asBoolean(false)) {
				continue;
			}
			String id = scalar(entry.path("id"));
			String name = scalar(entry.path("name"));
			if (id != null && name != null) {
				String status = scalar(entry.path("status"));
				found.putIfAbsent(id,
						component(id, name, (status != null) ? statuspageStatus(status) : ComponentStatus.UNKNOWN));
			}
		}
		return new Parsed(UpstreamKind.STATUSPAGE, new ArrayList<>(found.values()), 1);
	}

	private static Parsed cachet(JsonNode root) {
		Map<String, ExternalComponent> found = new LinkedHashMap<>();
		for (JsonNode entry : root.path("data").values()) {
			String id = entry.isObject() ? scalar(entry.path("id")) : null;
			String name = (id != null) ? scalar(entry.path("name")) : null;
			if (id != null && name != null) {
				found.putIfAbsent(id, component(id, name, cachetStatus(entry.path("status"))));
			}
		}
		int totalPages = root.path("meta").path("pagination").path("total_pages").asInt(1);
		return new Parsed(UpstreamKind.CACHET, new ArrayList<>(found.values()), Math.max(1, totalPages));
	}

	private static ExternalComponent component(String id, String name, ComponentStatus status) {
		return new ExternalComponent(id, (name.length() > 255) ? name.substring(0, 255) : name, status);
	}

	/**
	 * @return the text of a non-blank string or number, else {@code null}
	 */
	private static @Nullable String scalar(JsonNode node) {
		if (!(node.isString() || node.isNumber())) {
			return null;
		}
		String text = node.asString().strip();
		return (text.isEmpty() || text.length() > 191) ? null : text;
	}

}
