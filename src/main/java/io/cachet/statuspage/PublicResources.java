package io.cachet.statuspage;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import io.cachet.incident.IncidentView;
import io.cachet.metric.MetricChart;
import io.cachet.metric.MetricPeriod;
import io.cachet.settings.PageLocales;
import io.cachet.statuspage.StatusPageCache.State;
import io.cachet.statuspage.StatusPageSnapshot.Timeline;

import org.springframework.stereotype.Component;

/**
 * Every public resource served from memory, by path: the page, incident and maintenance
 * pages, metric data, the Statuspage JSON, feeds, badges and the embeddable widget. Each
 * is rendered from the current snapshot the first time it is asked for and then kept
 * until the next snapshot. Only older timeline pages and incidents not in the snapshot
 * read the database; if it fails they fall back to what the snapshot has.
 */
@Component
public class PublicResources {

	private static final Logger logger = LoggerFactory.getLogger(PublicResources.class);

	private static final Pattern INCIDENT = Pattern.compile("/incidents/(\\d{1,18})");

	private static final Pattern SCHEDULE = Pattern.compile("/schedules/(\\d{1,18})");

	private static final Pattern METRIC = Pattern.compile("/metrics/(\\d{1,18})");

	private static final Pattern COMPONENT_BADGE = Pattern.compile("/components?/(\\d{1,18})/(badge\\.svg|shield)");

	private static final Pattern FEED = Pattern.compile("/(rss|atom)(?:/(\\d{1,18}))?");

	private static final Pattern V2 = Pattern.compile("/api/v2/([a-z/-]+)\\.json");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Older timeline pages are offered up to this one. */
	private static final int MAX_PAGE = 10_000;

	private final StatusPageRefresher refresher;

	private final StatusPageCache cache;

	private final StatusPageReader reader;

	private final StatusPageRenderer renderer;

	PublicResources(StatusPageRefresher refresher, StatusPageCache cache, StatusPageReader reader,
			StatusPageRenderer renderer) {
		this.refresher = refresher;
		this.cache = cache;
		this.reader = reader;
		this.renderer = renderer;
	}

	/**
	 * A request for a public resource.
	 *
	 * @param parameter the single query parameter that selects a variant
	 * ({@code start_date}, {@code page}, {@code filter}, {@code style}), or {@code null}
	 */
	public record Request(String path, @Nullable String parameter, @Nullable String acceptLanguage) {
	}

	/**
	 * @param varyByLanguage the response depends on {@code Accept-Language}
	 * @param framable it may be shown in a frame on another site (the widget)
	 */
	public record Response(RenderedResource resource, boolean varyByLanguage, boolean framable, boolean crossOrigin) {
	}

	/**
	 * @return the response, or empty when the path is not a public resource (the request
	 * goes on to the rest of the application)
	 */
	public Optional<Response> handle(Request request) {
		String path = request.path();
		if (!isPublicPath(path)) {
			return Optional.empty();
		}
		State state;
		try {
			state = this.refresher.currentOrBuild();
		}
		catch (RuntimeException ex) {
			return Optional.of(new Response(this.renderer.unavailable(Locale.ENGLISH), false, false, false));
		}
		if (path.startsWith("/api/v2/")) {
			// The hottest resources after the page: keyed by their path, no locale.
			// Unknown
			// names are not kept, so that made-up paths cannot fill the cache.
			if (!StatuspageJson.PATHS.contains(path)) {
				return Optional.of(new Response(jsonNotFound(), false, false, true));
			}
			return Optional
				.of(new Response(this.cache.get(state, path, (s) -> statuspageJson(s, path)), false, false, true));
		}
		PageSettings settings = state.snapshot().settings();
		Locale locale = settings.automaticLocalization()
				? PageLocales.fromAcceptLanguage(request.acceptLanguage(), settings.locale()) : settings.locale();
		boolean vary = settings.automaticLocalization();
		String lang = locale.toLanguageTag();
		if (path.equals("/")) {
			return Optional.of(new Response(index(state, locale, request.parameter()), vary, false, false));
		}
		if (path.equals("/embed")) {
			return Optional.of(new Response(
					this.cache.get(state, "embed:" + lang, (s) -> this.renderer.embed(s, locale)), vary, true, false));
		}
		if (path.equals("/widget.js")) {
			return Optional
				.of(new Response(this.cache.get(state, "widget", (s) -> widgetScript()), false, false, true));
		}
		if (path.equals("/badge.svg")) {
			return Optional
				.of(new Response(this.cache.get(state, "badge", (s) -> Badges.page(s.snapshot())), false, false, true));
		}
		Matcher matcher = INCIDENT.matcher(path);
		if (matcher.matches()) {
			long id = Long.parseLong(matcher.group(1));
			return Optional
				.of(new Response(this.cache.get(state, "incident:" + id + ":" + lang, (s) -> incident(s, locale, id)),
						vary, false, false));
		}
		matcher = SCHEDULE.matcher(path);
		if (matcher.matches()) {
			long id = Long.parseLong(matcher.group(1));
			return Optional
				.of(new Response(this.cache.get(state, "schedule:" + id + ":" + lang, (s) -> schedule(s, locale, id)),
						vary, false, false));
		}
		matcher = METRIC.matcher(path);
		if (matcher.matches()) {
			long id = Long.parseLong(matcher.group(1));
			// keyed by the period the filter selects: any other filter is the default one
			String filter = (request.parameter() != null) ? request.parameter() : "";
			String period = MetricPeriod.ofFilter(filter).map(MetricPeriod::name).orElse("default");
			return Optional
				.of(new Response(this.cache.get(state, "metric:" + id + ":" + period, (s) -> metric(s, id, filter)),
						false, false, true));
		}
		matcher = COMPONENT_BADGE.matcher(path);
		if (matcher.matches()) {
			long id = Long.parseLong(matcher.group(1));
			boolean flatSquare = "flat-square".equals(request.parameter());
			// one entry for every id that is not a component
			String key = state.snapshot().component(id).isPresent() ? "badge:" + id + ":" + flatSquare
					: "badge:unknown:" + flatSquare;
			return Optional
				.of(new Response(
						this.cache.get(state, key,
								(s) -> s.snapshot()
									.component(id)
									.map((entry) -> Badges.component(s.snapshot(), entry, flatSquare))
									.orElseGet(() -> Badges.render("component", "not found",
											s.snapshot().settings().theme().greys(), flatSquare))),
						false, false, true));
		}
		matcher = FEED.matcher(path);
		if (matcher.matches()) {
			boolean rss = matcher.group(1).equals("rss");
			Long group = (matcher.group(2) != null) ? Long.valueOf(matcher.group(2)) : null;
			RenderedResource feed = this.cache.get(state, path, (s) -> {
				RenderedResource found = rss ? IncidentFeeds.rss(s.snapshot(), group)
						: IncidentFeeds.atom(s.snapshot(), group);
				return (found != null) ? found : notFound(s, locale);
			});
			return Optional.of(new Response(feed, false, false, true));
		}
		return Optional.empty();
	}

	/**
	 * Renders the home page for the page's language right after a rebuild, so the first
	 * visitor after a change does not wait for it.
	 */
	void prerender(State state) {
		index(state, state.snapshot().settings().locale(), null);
		this.cache.get(state, "/api/v2/summary.json", (s) -> statuspageJson(s, "/api/v2/summary.json"));
	}

	/**
	 * @param path the request's path inside the application
	 * @return the path is one of these resources' (served from memory)
	 */
	public static boolean isPublicPath(String path) {
		return path.equals("/") || path.equals("/embed") || path.equals("/widget.js") || path.equals("/badge.svg")
				|| path.startsWith("/incidents/") || path.startsWith("/schedules/") || path.startsWith("/metrics/")
				|| path.startsWith("/component") || path.startsWith("/rss") || path.startsWith("/atom")
				|| path.startsWith("/api/v2/");
	}

	private RenderedResource index(State state, Locale locale, @Nullable String parameter) {
		String lang = locale.toLanguageTag();
		boolean disrupted = state.snapshot().settings().onlyDisruptedDays();
		String variant = normalizedPage(parameter, state.snapshot());
		if (variant == null) {
			return this.cache.get(state, "index:" + lang,
					(s) -> this.renderer.index(s, locale, s.snapshot().timeline(), true));
		}
		return this.cache.get(state, "index:" + lang + ":" + variant, (s) -> {
			try {
				Timeline timeline = disrupted
						? this.reader.disruptedTimeline(s.snapshot().settings(), Integer.parseInt(variant))
						: this.reader.timeline(s.snapshot().settings(), LocalDate.parse(variant));
				if (timeline.previous() == null
						&& timeline.days().stream().allMatch((day) -> day.incidents().isEmpty())) {
					// older than the oldest incident: nothing to show, and nothing kept
					return notFound(s, locale);
				}
				return this.renderer.index(s, locale, timeline, false);
			}
			catch (RuntimeException ex) {
				logger.debug("Older timeline page not available, showing the first", ex);
				return this.renderer.index(s, locale, s.snapshot().timeline(), true);
			}
		});
	}

	/**
	 * @return the timeline page asked for, or {@code null} for the first page (also for
	 * anything that is not a valid date or page number, and for today or later); a date
	 * is moved to the end of the page of {@code incident_days} days that holds it,
	 * counted from today as the page's own links are, so that the dates of the whole
	 * calendar make one entry per page, not one per date
	 */
	private static @Nullable String normalizedPage(@Nullable String parameter, StatusPageSnapshot snapshot) {
		if (parameter == null || parameter.isBlank()) {
			return null;
		}
		PageSettings settings = snapshot.settings();
		try {
			if (settings.onlyDisruptedDays()) {
				int page = Integer.parseInt(parameter.strip());
				return (page > 1 && page < MAX_PAGE) ? String.valueOf(page) : null;
			}
			LocalDate date = LocalDate.parse(parameter.strip());
			LocalDate today = LocalDate.ofInstant(snapshot.builtAt(), settings.timezone());
			long days = Math.max(1, settings.incidentDays());
			long pagesBack = ChronoUnit.DAYS.between(date, today) / days;
			if (pagesBack <= 0 || pagesBack >= MAX_PAGE) {
				return null;
			}
			return today.minusDays(pagesBack * days).toString();
		}
		catch (NumberFormatException | DateTimeParseException ex) {
			return null;
		}
	}

	/**
	 * The not-found page, rendered once per language and shared by every address that
	 * finds nothing (the addresses themselves are not kept).
	 */
	private RenderedResource notFound(State state, Locale locale) {
		return this.cache.getShared(state, "not-found:" + locale.toLanguageTag(),
				(s) -> this.renderer.notFound(s, locale));
	}

	private RenderedResource incident(State state, Locale locale, long id) {
		Optional<IncidentView> incident = state.snapshot().incident(id);
		if (incident.isEmpty()) {
			try {
				incident = this.reader.incident(id);
			}
			catch (RuntimeException ex) {
				return this.renderer.unavailable(locale);
			}
		}
		return incident.map((found) -> this.renderer.incident(state, locale, found))
			.orElseGet(() -> notFound(state, locale));
	}

	private RenderedResource schedule(State state, Locale locale, long id) {
		var schedule = state.snapshot().schedule(id);
		if (schedule.isEmpty()) {
			try {
				schedule = this.reader.schedule(id);
			}
			catch (RuntimeException ex) {
				return this.renderer.unavailable(locale);
			}
		}
		return schedule.map((found) -> this.renderer.schedule(state, locale, found))
			.orElseGet(() -> notFound(state, locale));
	}

	/**
	 * Cachet's {@code /metrics/{id}?filter=}: the chart's buckets as
	 * {@code {"data":{"metric":{...},"items":{"yyyy-MM-dd HH:mm": value}}}}.
	 */
	private static RenderedResource metric(State state, long id, String filter) {
		var entry = state.snapshot().metric(id);
		if (entry.isEmpty()) {
			return jsonNotFound();
		}
		MetricPeriod period = MetricPeriod.ofFilter(filter).orElse(entry.get().defaultPeriod());
		MetricChart chart = entry.get().charts().get(period);
		var metric = chart.metric();
		Map<String, Object> metricJson = new LinkedHashMap<>();
		metricJson.put("id", metric.id());
		metricJson.put("name", metric.name());
		metricJson.put("suffix", metric.suffix());
		metricJson.put("description", metric.description());
		metricJson.put("default_value", metric.defaultValue());
		metricJson.put("calc_type", metric.calcType());
		metricJson.put("display_chart", metric.displayChart());
		metricJson.put("places", metric.places());
		metricJson.put("default_view", metric.defaultView());
		metricJson.put("threshold", metric.threshold());
		metricJson.put("order", metric.order());
		metricJson.put("visible", metric.visible());
		Map<String, Object> items = new LinkedHashMap<>();
		chart.buckets().forEach((bucket) -> items.put(bucket.key(), bucket.value()));
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("metric", metricJson);
		data.put("items", items);
		return RenderedResource.of(200, JSON.writeValueAsString(Map.of("data", data)), StatuspageJson.CONTENT_TYPE,
				RenderedResource.PAGE_CACHE_CONTROL);
	}

	private static RenderedResource statuspageJson(State state, String path) {
		Matcher matcher = V2.matcher(path);
		if (!matcher.matches()) {
			return jsonNotFound();
		}
		return StatuspageJson.render(state.snapshot(), matcher.group(1)).orElseGet(PublicResources::jsonNotFound);
	}

	private static RenderedResource jsonNotFound() {
		return RenderedResource.of(404,
				"{\"errors\":[{\"status\":404,\"title\":\"Not Found\",\"detail\":\"The requested resource could not be found but may be available again in the future.\"}]}",
				StatuspageJson.CONTENT_TYPE, "public, max-age=10");
	}

	/**
	 * The embeddable widget: a script that puts a small frame showing the page's status
	 * where it is included
	 * ({@code <script src="https://status.example.com/widget.js" async></script>}).
	 */
	private static RenderedResource widgetScript() {
		String script = """
				(function () {
				  var script = document.currentScript;
				  if (!script) { return; }
				  var origin = new URL(script.src).origin;
				  var frame = document.createElement('iframe');
				  frame.src = origin + '/embed';
				  frame.title = 'Service status';
				  frame.style.cssText = 'border:0;width:' + (script.dataset.width || '320px') + ';height:' + (script.dataset.height || '72px') + ';';
				  frame.loading = 'lazy';
				  script.parentNode.insertBefore(frame, script);
				})();
				""";
		return RenderedResource.of(200, script, "text/javascript;charset=UTF-8", RenderedResource.PAGE_CACHE_CONTROL);
	}

}
