package io.cachet.statuspage;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import io.cachet.incident.IncidentView;
import io.cachet.metric.MetricPeriod;
import io.cachet.statuspage.StatusPageSnapshot.MaintenanceEntry;
import io.cachet.statuspage.StatusPageSnapshot.Timeline;

import org.springframework.stereotype.Component;

/**
 * Renders the public HTML pages from a snapshot with Thymeleaf, once per snapshot and
 * language (the results are kept in the {@link StatusPageCache}).
 */
@Component
class StatusPageRenderer {

	static final String HTML = "text/html;charset=UTF-8";

	private final ITemplateEngine templates;

	private final PageFragments fragments;

	StatusPageRenderer(ITemplateEngine templates, PageFragments fragments) {
		this.templates = templates;
		this.fragments = fragments;
	}

	RenderedResource index(StatusPageCache.State state, Locale locale, Timeline timeline, boolean firstPage) {
		Map<String, Object> model = model(state, locale);
		model.put("timeline", timeline);
		model.put("firstPage", firstPage);
		model.put("disruptedOnly", state.snapshot().settings().onlyDisruptedDays());
		model.put("periods", MetricPeriod.values());
		model.put("fragments", this.fragments.of(locale, state.snapshot().settings().timezone()));
		return page(200, "status/index", locale, model);
	}

	RenderedResource incident(StatusPageCache.State state, Locale locale, IncidentView incident) {
		Map<String, Object> model = model(state, locale);
		model.put("incident", incident);
		model.put("affectedNames", affectedNames(state.snapshot(), incident));
		return page(200, "status/incident", locale, model);
	}

	/**
	 * Looked up here rather than in the template: inside a SpEL projection a name
	 * resolves against each element, so the template cannot reach the snapshot from
	 * there. A component deleted since the incident (or hidden from guests) is left out.
	 */
	private static java.util.List<String> affectedNames(StatusPageSnapshot snapshot, IncidentView incident) {
		return incident.components()
			.stream()
			.map((affected) -> snapshot.componentNames().get(affected.componentId()))
			.filter(java.util.Objects::nonNull)
			.toList();
	}

	RenderedResource schedule(StatusPageCache.State state, Locale locale, MaintenanceEntry schedule) {
		Map<String, Object> model = model(state, locale);
		model.put("entry", schedule);
		return page(200, "status/schedule", locale, model);
	}

	RenderedResource notFound(StatusPageCache.State state, Locale locale) {
		return page(404, "status/not-found", locale, model(state, locale));
	}

	RenderedResource embed(StatusPageCache.State state, Locale locale) {
		return page(200, "status/embed", locale, model(state, locale));
	}

	/**
	 * The page served when there is no snapshot at all (the database has been down since
	 * the start).
	 */
	RenderedResource unavailable(Locale locale) {
		Context context = new Context(locale, Map.of());
		return RenderedResource.of(503, this.templates.process("status/unavailable", context), HTML, "no-store");
	}

	private RenderedResource page(int status, String template, Locale locale, Map<String, Object> model) {
		String html = this.templates.process(template, new Context(locale, model));
		return RenderedResource.of(status, html, HTML,
				(status == 200) ? RenderedResource.PAGE_CACHE_CONTROL : "public, max-age=10");
	}

	static Map<String, Object> model(StatusPageCache.State state, Locale locale) {
		StatusPageSnapshot snapshot = state.snapshot();
		Map<String, Object> model = new HashMap<>();
		model.put("snapshot", snapshot);
		model.put("page", snapshot.settings());
		model.put("theme", snapshot.settings().theme());
		model.put("stale", state.stale());
		model.put("lang", locale.toLanguageTag());
		model.put("fmt", new PageFormat(locale, snapshot.settings().timezone()));
		model.put("stylesheet", CustomMarkup.css(snapshot.settings().stylesheet()));
		return model;
	}

}
