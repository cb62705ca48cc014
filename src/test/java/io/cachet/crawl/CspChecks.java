package io.cachet.crawl;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What a page's Content-Security-Policy would refuse, checked without a browser (the
 * Chromium tests see the real refusals where Chromium is installed): the policy is there,
 * allows no inline script, and the page has none (no {@code <script>} without
 * {@code src}, no {@code on…} handler, no {@code javascript:} URL); scripts and
 * stylesheets come from the site itself; where the policy allows no inline style, the
 * page has no {@code <style>} or {@code style} attribute; where images are limited to the
 * site and data URIs, so are the page's.
 */
final class CspChecks {

	private CspChecks() {
	}

	static List<String> problems(@org.jspecify.annotations.Nullable String policy, String html, URI url) {
		List<String> problems = new ArrayList<>();
		if (policy == null || policy.isBlank()) {
			problems.add("has no Content-Security-Policy");
			return problems;
		}
		String scripts = directive(policy, "script-src");
		if (!scripts.equals("'self'")) {
			problems.add("allows scripts beyond the site's own files: script-src " + scripts);
		}
		Document document = Jsoup.parse(html, url.toString());
		for (Element script : document.select("script")) {
			if (!script.hasAttr("src")) {
				problems.add("has an inline script, refused by the policy");
			}
			else if (!sameOrigin(script.absUrl("src"), url)) {
				problems.add("loads a script from another site: " + script.attr("src"));
			}
		}
		for (Element sheet : document.select("link[rel=stylesheet]")) {
			if (!sameOrigin(sheet.absUrl("href"), url)) {
				problems.add("loads a stylesheet from another site: " + sheet.attr("href"));
			}
		}
		boolean inlineStyles = directive(policy, "style-src").contains("'unsafe-inline'");
		if (!inlineStyles && !document.select("style").isEmpty()) {
			problems.add("has a <style> element, refused by style-src " + directive(policy, "style-src"));
		}
		String images = directive(policy, "img-src");
		for (Element element : document.getAllElements()) {
			for (Attribute attribute : element.attributes()) {
				String name = attribute.getKey().toLowerCase();
				String value = attribute.getValue().strip().toLowerCase();
				if (name.startsWith("on")) {
					problems.add("has an event handler " + name + " on <" + element.tagName() + ">, refused");
				}
				if (value.startsWith("javascript:")) {
					problems.add("has a javascript: URL in " + name + " on <" + element.tagName() + ">, refused");
				}
				if (name.equals("style") && !inlineStyles) {
					problems.add("has a style attribute on <" + element.tagName() + ">, refused");
				}
			}
		}
		if (!images.contains("https:")) {
			for (Element image : document.select("img[src]")) {
				String src = image.attr("src");
				if (!src.startsWith("data:") && !sameOrigin(image.absUrl("src"), url)) {
					problems.add("shows an image from another site, refused by img-src " + images + ": " + src);
				}
			}
		}
		return problems;
	}

	private static String directive(String policy, String name) {
		for (String part : policy.split(";")) {
			String directive = part.strip();
			if (directive.startsWith(name + " ")) {
				return directive.substring(name.length()).strip();
			}
		}
		return directive(policy, "default-src", name);
	}

	private static String directive(String policy, String fallback, String name) {
		for (String part : policy.split(";")) {
			String directive = part.strip();
			if (directive.startsWith(fallback + " ")) {
				return directive.substring(fallback.length()).strip();
			}
		}
		return "";
	}

	private static boolean sameOrigin(String absolute, URI page) {
		try {
			URI target = URI.create(absolute);
			return page.getScheme().equals(target.getScheme()) && page.getHost().equals(target.getHost())
					&& page.getPort() == target.getPort();
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
