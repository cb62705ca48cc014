package io.cachet.crawl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.ParseError;
import org.jsoup.parser.Parser;

/**
 * What every HTML page must be: well-formed for an HTML5 parser (jsoup's error list, the
 * same rules browsers recover from silently), ids unique, and no template left
 * unrendered: no Thymeleaf expression ({@code ${…}}, {@code #{…}}, {@code *{…}},
 * {@code @{…}}, {@code ~{…}}), no {@code th:} attribute, no missing message key
 * ({@code ??key_en??}). Script and style bodies are not checked: JavaScript template
 * literals use {@code ${…}} legitimately.
 */
final class HtmlChecks {

	private static final Pattern EXPRESSION = Pattern.compile("[$#*@~]\\{");

	private static final Pattern MISSING_MESSAGE = Pattern.compile("\\?\\?[\\w.\\-]+\\?\\?");

	private HtmlChecks() {
	}

	/**
	 * @return the problems of this page, empty when it is fine
	 */
	static List<String> problems(String html, String url) {
		List<String> problems = new ArrayList<>();
		Parser parser = Parser.htmlParser().setTrackErrors(20);
		Document document = parser.parseInput(html, url);
		for (ParseError error : parser.getErrors()) {
			problems.add("does not parse: " + error);
		}
		if (!html.regionMatches(true, 0, "<!DOCTYPE html>", 0, 15)) {
			problems.add("has no <!DOCTYPE html> first");
		}
		Map<String, Integer> ids = new LinkedHashMap<>();
		for (Element element : document.select("[id]")) {
			ids.merge(element.id(), 1, Integer::sum);
		}
		ids.forEach((id, count) -> {
			if (count > 1) {
				problems.add("has id \"" + id + "\" " + count + " times");
			}
		});
		String text = document.text();
		if (EXPRESSION.matcher(text).find()) {
			problems.add("shows a template expression in its text: " + around(text, EXPRESSION));
		}
		if (MISSING_MESSAGE.matcher(text).find()) {
			problems.add("shows a missing message key: " + around(text, MISSING_MESSAGE));
		}
		for (Element element : document.getAllElements()) {
			if (element.nameIs("script") || element.nameIs("style")) {
				continue;
			}
			for (Attribute attribute : element.attributes()) {
				if (attribute.getKey().startsWith("th:") || attribute.getKey().startsWith("data-th-")) {
					problems
						.add("has an unprocessed attribute " + attribute.getKey() + " on <" + element.tagName() + ">");
				}
				else if (MISSING_MESSAGE.matcher(attribute.getValue()).find()
						|| (EXPRESSION.matcher(attribute.getValue()).find() && !isCode(attribute.getKey()))) {
					problems.add("has an unrendered " + attribute.getKey() + "=\"" + attribute.getValue() + "\" on <"
							+ element.tagName() + ">");
				}
			}
		}
		return problems;
	}

	/**
	 * Event handlers and styles hold code, where these characters are legitimate.
	 */
	private static boolean isCode(String attribute) {
		return attribute.startsWith("on") || attribute.equals("style");
	}

	private static String around(String text, Pattern pattern) {
		var matcher = pattern.matcher(text);
		matcher.find();
		int from = Math.max(0, matcher.start() - 40);
		return "…" + text.substring(from, Math.min(text.length(), matcher.end() + 40)) + "…";
	}

}
