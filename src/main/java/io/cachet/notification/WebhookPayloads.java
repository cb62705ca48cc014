package io.cachet.notification;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cachet.shared.Markdown;

/**
 * The bodies webhooks receive. Our own format carries everything; Slack, Discord and
 * Microsoft Teams get a message in the shape their incoming webhooks take.
 */
final class WebhookPayloads {

	private WebhookPayloads() {
	}

	/**
	 * @param summary one line saying what happened, in the page's language
	 * @param colour the status colour as {@code #rrggbb}
	 */
	static Map<String, Object> body(WebhookFormat format, NotificationContent content, long notificationId,
			String summary, String colour, String pageName, String pageUrl) {
		String text = Markdown.toPlainText(content.message()).strip();
		return switch (format) {
			case JSON -> json(content, notificationId, pageName, pageUrl);
			case SLACK -> Map.of("text", summary, "attachments", List.of(Map.of("color", colour, "title",
					content.title(), "title_link", content.url(), "text", text, "footer", pageName)));
			case DISCORD -> Map.of("content", summary, "embeds",
					List.of(Map.of("title", limit(content.title(), 256), "url", content.url(), "description",
							limit(text.isEmpty() ? summary : text, 4000), "color",
							Integer.parseInt(colour.substring(1, 7), 16), "footer", Map.of("text", pageName),
							"timestamp", content.at().toString())));
			case TEAMS -> Map.of("@type", "MessageCard", "@context", "https://schema.org/extensions", "themeColor",
					colour.substring(1, 7), "summary", summary, "title", summary, "text", text.isEmpty() ? " " : text,
					"potentialAction", List.of(Map.of("@type", "OpenUri", "name", "View on the status page", "targets",
							List.of(Map.of("os", "default", "uri", content.url())))));
		};
	}

	private static Map<String, Object> json(NotificationContent content, long notificationId, String pageName,
			String pageUrl) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("event", content.kind());
		body.put("notification_id", notificationId);
		body.put("page", Map.of("name", pageName, "url", pageUrl));
		body.put("subject", Map.of("type", subjectType(content.kind()), "id", content.subjectId()));
		body.put("title", content.title());
		body.put("status", content.statusCode());
		body.put("status_name", content.statusName());
		body.put("previous_status_name", content.previousStatusName());
		body.put("message", content.message());
		body.put("url", content.url());
		body.put("components",
				content.components()
					.stream()
					.map((component) -> Map.of("id", component.id(), "name", component.name()))
					.toList());
		body.put("at", content.at().toString());
		body.put("ends_at", (content.endsAt() != null) ? content.endsAt().toString() : null);
		return body;
	}

	private static String subjectType(String kind) {
		if (kind.startsWith("incident_")) {
			return "incident";
		}
		return kind.startsWith("component_") ? "component" : "schedule";
	}

	private static String limit(String text, int length) {
		return (text.length() <= length) ? text : text.substring(0, length - 1) + "…";
	}

}
