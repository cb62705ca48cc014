package io.cachet.notification;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import io.cachet.shared.Markdown;

/**
 * The bodies webhooks receive, as records. Our own format carries everything; Slack,
 * Discord and Microsoft Teams get a message in the shape their incoming webhooks take.
 */
final class WebhookPayloads {

	private WebhookPayloads() {
	}

	/**
	 * @param summary one line saying what happened, in the page's language
	 * @param colour the status colour as {@code #rrggbb}
	 */
	static Body body(WebhookFormat format, NotificationContent content, long notificationId, String summary,
			String colour, String pageName, String pageUrl) {
		String text = Markdown.toPlainText(content.message()).strip();
		return switch (format) {
			case JSON -> CachetEvent.of(content, notificationId, pageName, pageUrl);
			case SLACK -> new SlackMessage(summary,
					List.of(new SlackMessage.Attachment(colour, content.title(), content.url(), text, pageName)));
			case DISCORD -> new DiscordMessage(summary,
					List.of(new DiscordMessage.Embed(limit(content.title(), 256), content.url(),
							limit(text.isEmpty() ? summary : text, 4000), Integer.parseInt(colour.substring(1, 7), 16),
							new DiscordMessage.Footer(pageName), content.at().toString())));
			case TEAMS -> TeamsCard.of(colour.substring(1, 7), summary, text.isEmpty() ? " " : text, content.url());
		};
	}

	private static String limit(String text, int length) {
		return (text.length() <= length) ? text : text.substring(0, length - 1) + "…";
	}

	/**
	 * A webhook's body in one of the {@link WebhookFormat}s.
	 */
	sealed interface Body permits CachetEvent, SlackMessage, DiscordMessage, TeamsCard {

	}

	/**
	 * Our own format ({@link WebhookFormat#JSON}).
	 *
	 * @param event the notification kind ({@code incident_created}, ...)
	 * @param status the Cachet status code of the subject
	 * @param statusName the status in English
	 * @param at when it happened, ISO-8601 in UTC
	 * @param endsAt a maintenance window's planned end, or {@code null}
	 */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record CachetEvent(String event, long notificationId, Page page, Subject subject, String title, int status,
			String statusName, @Nullable String previousStatusName, String message, String url,
			List<Component> components, String at, @Nullable String endsAt) implements Body {

		static CachetEvent of(NotificationContent content, long notificationId, String pageName, String pageUrl) {
			return new CachetEvent(content.kind(), notificationId, new Page(pageName, pageUrl),
					new Subject(subjectType(content.kind()), content.subjectId()), content.title(),
					content.statusCode(), content.statusName(), content.previousStatusName(), content.message(),
					content.url(),
					content.components()
						.stream()
						.map((component) -> new Component(component.id(), component.name()))
						.toList(),
					content.at().toString(), (content.endsAt() != null) ? content.endsAt().toString() : null);
		}

		private static String subjectType(String kind) {
			if (kind.startsWith("incident_")) {
				return "incident";
			}
			return kind.startsWith("component_") ? "component" : "schedule";
		}

		record Page(String name, String url) {
		}

		/**
		 * @param type {@code incident}, {@code component} or {@code schedule}
		 */
		record Subject(String type, long id) {
		}

		record Component(long id, String name) {
		}

	}

	/**
	 * A Slack incoming-webhook message.
	 */
	record SlackMessage(String text, List<Attachment> attachments) implements Body {

		@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
		record Attachment(String color, String title, String titleLink, String text, String footer) {
		}

	}

	/**
	 * A Discord webhook message.
	 */
	record DiscordMessage(String content, List<Embed> embeds) implements Body {

		/**
		 * @param color the colour as a number ({@code 0xrrggbb})
		 */
		record Embed(String title, String url, String description, int color, Footer footer, String timestamp) {
		}

		record Footer(String text) {
		}

	}

	/**
	 * A Microsoft Teams connector card.
	 *
	 * @param themeColor the colour as {@code rrggbb}
	 */
	record TeamsCard(@JsonProperty("@type") String type, @JsonProperty("@context") String context, String themeColor,
			String summary, String title, String text, List<Action> potentialAction) implements Body {

		static TeamsCard of(String themeColor, String summary, String text, String url) {
			return new TeamsCard("MessageCard", "https://schema.org/extensions", themeColor, summary, summary, text,
					List.of(new Action("OpenUri", "View on the status page", List.of(new Target("default", url)))));
		}

		record Action(@JsonProperty("@type") String type, String name, List<Target> targets) {
		}

		record Target(String os, String uri) {
		}

	}

}
