package io.cachet.statuspage;

import org.jspecify.annotations.Nullable;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document.OutputSettings;
import org.jsoup.safety.Safelist;

/**
 * The team's own markup on the public page: the custom CSS and the header and footer
 * HTML. Only admins set them, but the page is served to everyone and a backup import or a
 * stolen admin session would otherwise put script on it, so neither may carry any.
 */
final class CustomMarkup {

	/**
	 * Formatting, links and images (a logo), classes, ids and inline styles for the
	 * custom CSS to use; no script, event handler, {@code javascript:} URL, form or
	 * frame.
	 */
	private static final Safelist HTML = Safelist.relaxed()
		.addTags("span", "div", "header", "footer", "nav", "section", "small", "hr")
		.addAttributes(":all", "class", "id", "title", "style", "lang", "dir")
		.addAttributes("a", "target", "rel")
		.addProtocols("img", "src", "data")
		.preserveRelativeLinks(true);

	private static final OutputSettings OUTPUT = new OutputSettings().prettyPrint(false);

	private CustomMarkup() {
	}

	/**
	 * @return the HTML with only what {@link #HTML} allows
	 */
	static String html(@Nullable String html) {
		if (html == null || html.isBlank()) {
			return "";
		}
		// the base URI only lets jsoup keep relative links as they are written
		return Jsoup.clean(html, "http://localhost/", HTML, OUTPUT);
	}

	/**
	 * The CSS goes into a {@code <style>} element as is except for {@code <}, written as
	 * the CSS escape {@code \3C } instead: nothing can then close the element
	 * ({@code </style>}, also when split to survive a filter, as in
	 * {@code </sty</stylele>}) or open a comment or CDATA section, and CSS has no use for
	 * the character outside strings, where the escape means the same.
	 */
	static String css(@Nullable String css) {
		return (css == null) ? "" : css.replace("<", "\\3C ");
	}

}
