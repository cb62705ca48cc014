package io.cachet.statuspage;

import org.springframework.web.util.HtmlUtils;

import io.cachet.component.OverallStatus;
import io.cachet.settings.SiteSettings;
import io.cachet.statuspage.StatusPageSnapshot.ComponentEntry;

/**
 * Shields-style SVG badges: "label | message" with the message in the status colour of
 * the page's theme.
 */
final class Badges {

	static final String SVG = "image/svg+xml;charset=UTF-8";

	private static final String CACHE_CONTROL = "public, max-age=60, stale-while-revalidate=300, stale-if-error=86400";

	private Badges() {
	}

	/**
	 * The whole page's badge: "status | All systems are operational" and so on.
	 */
	static RenderedResource page(StatusPageSnapshot snapshot) {
		OverallStatus status = snapshot.status();
		SiteSettings.Theme theme = snapshot.settings().theme();
		String colour = switch (status.level()) {
			case "success" -> theme.greens();
			case "danger" -> theme.reds();
			default -> theme.oranges();
		};
		return render("status", status.message(), colour, false);
	}

	static RenderedResource component(StatusPageSnapshot snapshot, ComponentEntry entry, boolean flatSquare) {
		SiteSettings.Theme theme = snapshot.settings().theme();
		String message = entry.underMaintenance() ? "Maintenance" : entry.component().status().label();
		String colour = entry.underMaintenance() ? theme.blues() : switch (entry.component().status()) {
			case OPERATIONAL -> theme.greens();
			case PERFORMANCE_ISSUES -> theme.yellows();
			case PARTIAL_OUTAGE -> theme.oranges();
			case MAJOR_OUTAGE -> theme.reds();
			default -> theme.greys();
		};
		return render(entry.component().name(), message, colour, flatSquare);
	}

	static RenderedResource render(String label, String message, String colour, boolean flatSquare) {
		int labelWidth = textWidth(label) + 12;
		int messageWidth = textWidth(message) + 12;
		int width = labelWidth + messageWidth;
		String radius = flatSquare ? "0" : "3";
		String safeLabel = HtmlUtils.htmlEscape(label);
		String safeMessage = HtmlUtils.htmlEscape(message);
		String safeColour = HtmlUtils.htmlEscape(colour);
		String svg = """
				<svg xmlns="http://www.w3.org/2000/svg" width="%1$d" height="20" role="img" aria-label="%2$s: %3$s">\
				<title>%2$s: %3$s</title>\
				<clipPath id="r"><rect width="%1$d" height="20" rx="%4$s" fill="#fff"/></clipPath>\
				<g clip-path="url(#r)"><rect width="%5$d" height="20" fill="#555"/>\
				<rect x="%5$d" width="%6$d" height="20" fill="%7$s"/></g>\
				<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">\
				<text x="%8$d" y="14">%2$s</text><text x="%9$d" y="14">%3$s</text></g></svg>""".formatted(width,
				safeLabel, safeMessage, radius, labelWidth, messageWidth, safeColour, labelWidth / 2,
				labelWidth + messageWidth / 2);
		return RenderedResource.of(200, svg, SVG, CACHE_CONTROL);
	}

	/**
	 * Approximates the width of Verdana 11px text (wide letters count more).
	 */
	static int textWidth(String text) {
		double width = 0;
		for (char c : text.toCharArray()) {
			width += (Character.isUpperCase(c) || c == 'm' || c == 'w') ? 8.5
					: (c == ' ' || c == 'i' || c == 'l') ? 3.5 : (c > 0x2E80) ? 11 : 6.8;
		}
		return (int) Math.ceil(width);
	}

}
