package io.cachet.shared;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;
import org.jspecify.annotations.Nullable;

/**
 * Markdown written by the team (incident messages, the about text) turned into HTML that
 * is safe to put in a page: CommonMark renders it, then jsoup keeps only formatting tags
 * and http(s)/mailto links, so neither raw HTML in the markdown nor a {@code javascript:}
 * link can run a script (no stored XSS).
 */
public final class Markdown {

	private static final Parser PARSER = Parser.builder().build();

	private static final HtmlRenderer RENDERER = HtmlRenderer.builder().build();

	private static final Safelist SAFE = Safelist.relaxed()
		.removeTags("img")
		.addAttributes("a", "rel")
		.addEnforcedAttribute("a", "rel", "nofollow noopener")
		.addProtocols("a", "href", "http", "https", "mailto");

	private Markdown() {
	}

	public static String toSafeHtml(@Nullable String markdown) {
		if (markdown == null || markdown.isBlank()) {
			return "";
		}
		return Jsoup.clean(RENDERER.render(PARSER.parse(markdown)), SAFE);
	}

	/**
	 * @return the text of the markdown without any markup (feeds' summaries, meta
	 * descriptions)
	 */
	public static String toPlainText(@Nullable String markdown) {
		if (markdown == null || markdown.isBlank()) {
			return "";
		}
		return Jsoup.parse(RENDERER.render(PARSER.parse(markdown))).text();
	}

}
