package io.cachet.statuspage;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import io.cachet.metric.MetricChart;
import io.cachet.statuspage.StatusPageSnapshot.ComponentEntry;
import io.cachet.statuspage.StatusPageSnapshot.GroupSection;

import org.springframework.stereotype.Component;

/**
 * The parts of the page that make most of its bytes, rendered once per content and kept:
 * a group's components (with their uptime bars), a component outside any group, a chart.
 * They are keyed by what they show (the records, which compare by value), the language
 * and the time zone, so a new snapshot renders again only the groups whose components
 * changed; the page places them with {@code th:utext}, as they were escaped when
 * rendered. The page's bytes are the same as rendering it whole.
 * <p>
 * Kept up to {@value #MAX_CHARS} characters (a few versions of a page of 1,000 components
 * with their bars, in two languages); the least used go first.
 */
@Component
class PageFragments {

	static final long MAX_CHARS = 4_000_000;

	private final ITemplateEngine templates;

	private final Cache<Key, String> rendered = Caffeine.newBuilder()
		.maximumWeight(MAX_CHARS)
		.weigher((Key key, String html) -> html.length())
		.build();

	PageFragments(ITemplateEngine templates) {
		this.templates = templates;
	}

	/**
	 * @param content what the fragment shows (a record)
	 */
	private record Key(String template, Object content, Locale locale, ZoneId zone) {
	}

	/**
	 * @return the fragments for one page, in its language and time zone
	 */
	For of(Locale locale, ZoneId zone) {
		return new For(locale, zone);
	}

	/**
	 * The fragments of one page: what its template calls.
	 */
	final class For {

		private final Locale locale;

		private final ZoneId zone;

		private final PageFormat fmt;

		For(Locale locale, ZoneId zone) {
			this.locale = locale;
			this.zone = zone;
			this.fmt = new PageFormat(locale, zone);
		}

		/**
		 * @return the inside of a group's {@code <details>}: its name, worst status and
		 * components
		 */
		public String group(GroupSection section) {
			return render("status/component-group", section, "section");
		}

		/**
		 * @return a component's {@code <li>}
		 */
		public String row(ComponentEntry entry) {
			return render("status/component-one", entry, "entry");
		}

		/**
		 * @return a chart's SVG
		 */
		public String chart(MetricChart chart) {
			return PageFragments.this.rendered.get(new Key("chart", chart, this.locale, this.zone),
					(key) -> ChartSvg.render(chart, this.locale));
		}

		private String render(String template, Object content, String name) {
			return PageFragments.this.rendered.get(new Key(template, content, this.locale, this.zone),
					(key) -> PageFragments.this.templates.process(template,
							new Context(this.locale, Map.of(name, content, "fmt", this.fmt))));
		}

	}

}
