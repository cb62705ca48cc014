package io.cachet.notification;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import io.cachet.settings.SettingsService;
import io.cachet.settings.SiteSettings;
import io.cachet.shared.Markdown;
import io.cachet.subscriber.SubscriberLinks;

/**
 * Writes the e-mail for a notification: subject, plain text and HTML, in the reader's
 * language, with the page's name and colours. A notification is written once per language
 * ({@link #compose}); each recipient's own links are then filled in
 * ({@link Composed#personalise}), which is cheap enough for a fan-out to 100,000.
 */
@Component
class EmailComposer {

	private static final Map<String, String> DEFAULT_COLOURS = Map.of("reds", "#FF6F6F", "blues", "#3498DB", "greens",
			"#7ED321", "yellows", "#F7CA18", "oranges", "#FF8800", "greys", "#888888");

	private static final Pattern LINK = Pattern.compile("\\{\\{(verify|manage|unsubscribe)(?::(\\d+))?}}");

	private final ITemplateEngine templates;

	private final MessageSource messages;

	private final SettingsService settings;

	private final SubscriberLinks links;

	EmailComposer(ITemplateEngine templates, MessageSource messages, SettingsService settings, SubscriberLinks links) {
		this.templates = templates;
		this.messages = messages;
		this.settings = settings;
		this.links = links;
	}

	Composed compose(NotificationContent content, Locale locale) {
		SiteSettings site = this.settings.site();
		String page = site.name();
		ZoneId zone = site.timezone();
		DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
			.withLocale(locale)
			.withZone(zone);
		String kind = content.kind();
		String status = content.statusKey().isEmpty() ? "" : text(content.statusKey(), locale);
		String subject = text("notification.subject." + kind, locale, page, content.title(), status);
		String intro = switch (kind) {
			case "component_status_changed" ->
				text("notification.intro.component_status_changed", locale, content.title(),
						text(java.util.Objects.requireNonNull(content.previousStatusKey()), locale), status);
			case "subscription_verify", "subscription_manage" -> text("notification.intro." + kind, locale, page);
			default -> text("notification.intro." + kind, locale);
		};
		List<String> details = new ArrayList<>();
		if (!status.isEmpty() && !"component_status_changed".equals(kind)) {
			details.add(text("notification.status", locale, status));
		}
		if (kind.startsWith("maintenance_")) {
			details.add(text("notification.starts", locale, format.format(content.at())));
			if (content.endsAt() != null) {
				details.add(text("notification.ends", locale, format.format(content.endsAt())));
			}
		}
		else if (!kind.startsWith("subscription_")) {
			details.add(text("notification.time", locale, format.format(content.at())));
		}
		if (!content.components().isEmpty()) {
			details.add(text("incident.affects", locale, String.join(", ",
					content.components().stream().map(NotificationContent.ComponentName::name).toList())));
		}
		boolean subscription = kind.startsWith("subscription_");
		List<Map<String, String>> unsubscribeLinks = new ArrayList<>();
		for (var component : content.components()) {
			unsubscribeLinks.add(Map.of("label", text("notification.unsubscribeComponent", locale, component.name()),
					"url", "{{unsubscribe:" + component.id() + "}}"));
		}
		String action = switch (kind) {
			case "subscription_verify" -> "{{verify}}";
			case "subscription_manage" -> "{{manage}}";
			default -> content.url();
		};
		String actionLabel = text(subscription ? "notification.action." + kind : "notification.view", locale);

		Map<String, Object> model = new HashMap<>();
		model.put("page", page);
		model.put("lang", locale.toLanguageTag());
		model.put("colour", colour(content.colour()));
		model.put("title", subscription ? subject : content.title());
		model.put("intro", intro);
		model.put("details", details);
		model.put("messageHtml", Markdown.toSafeHtml(content.message()));
		model.put("action", action);
		model.put("actionLabel", actionLabel);
		model.put("subscription", subscription);
		model.put("verifyMail", kind.equals("subscription_verify"));
		model.put("unsubscribeLinks", unsubscribeLinks);
		String html = this.templates.process("mail/notification", new Context(locale, model));

		StringBuilder text = new StringBuilder();
		text.append(subscription ? subject : content.title()).append("\n\n").append(intro).append("\n");
		details.forEach((line) -> text.append(line).append("\n"));
		String message = Markdown.toPlainText(content.message()).strip();
		if (!message.isEmpty()) {
			text.append("\n").append(message).append("\n");
		}
		text.append("\n").append(actionLabel).append(": ").append(action).append("\n");
		if (kind.equals("subscription_verify")) {
			text.append("\n").append(text("notification.verify.ignore", locale)).append("\n");
		}
		else {
			text.append("\n-- \n").append(text("notification.footer", locale, page)).append("\n");
			text.append(text("notification.manage", locale)).append(": {{manage}}\n");
			unsubscribeLinks
				.forEach((link) -> text.append(link.get("label")).append(": ").append(link.get("url")).append("\n"));
			text.append(text("notification.unsubscribeAll", locale)).append(": {{unsubscribe}}\n");
		}
		return new Composed(subject, text.toString(), html, !kind.equals("subscription_verify"));
	}

	private String colour(String name) {
		return colour(this.settings.site().theme(), name);
	}

	/**
	 * @return the theme colour ({@code reds}, {@code greens}, ...) as {@code #rrggbb}
	 */
	static String colour(SiteSettings.Theme theme, String name) {
		String fallback = DEFAULT_COLOURS.getOrDefault(name, "#3498DB");
		String value = theme.colour(name);
		return value.matches("#[0-9a-fA-F]{6}") ? value : fallback;
	}

	private String text(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, key, locale);
	}

	/**
	 * A written e-mail whose links to the subscriber's own pages are still placeholders.
	 *
	 * @param unsubscribable whether it carries unsubscribe links (all but the
	 * verification e-mail, which goes to an address that has not subscribed yet)
	 */
	record Composed(String subject, String text, String html, boolean unsubscribable) {

		/**
		 * @return the text and HTML with this subscriber's signed links
		 */
		String[] personalise(SubscriberLinks links, long subscriberId, String verifyCode) {
			Map<String, String> resolved = new HashMap<>();
			return new String[] { replace(this.text, links, subscriberId, verifyCode, resolved),
					replace(this.html, links, subscriberId, verifyCode, resolved) };
		}

		private static String replace(String template, SubscriberLinks links, long id, String code,
				Map<String, String> resolved) {
			Matcher matcher = LINK.matcher(template);
			StringBuilder out = new StringBuilder(template.length() + 256);
			while (matcher.find()) {
				String url = resolved.computeIfAbsent(matcher.group(),
						(token) -> link(links, matcher.group(1), matcher.group(2), id, code));
				matcher.appendReplacement(out, Matcher.quoteReplacement(url));
			}
			matcher.appendTail(out);
			return out.toString();
		}

		private static String link(SubscriberLinks links, String kind, @Nullable String component, long id,
				String code) {
			return switch (kind) {
				case "verify" -> links.verifyUrl(id, code);
				case "manage" -> links.manageUrl(id, code);
				default -> (component != null) ? links.unsubscribeFromComponentUrl(id, code, Long.parseLong(component))
						: links.unsubscribeUrl(id, code);
			};
		}

	}

	SubscriberLinks links() {
		return this.links;
	}

}
