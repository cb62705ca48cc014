package io.cachet.statuspage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
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

import org.springframework.core.io.ClassPathResource;
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

	private static final Pattern V2 = Pattern.compile("/api/v2/([a-z/-]+)\\.json");

	/** Older timeline pages are offered up to this one. */
	private static final int MAX_PAGE = 10_000;

	private final StatusPageRefresher refresher;

	private final StatusPageCache cache;

	private final StatusPageReader reader;

	private final StatusPageRenderer renderer;

	private final StatuspageJson statuspageJson;

	private final JsonMapper json;

	private final List<Route> routes = routes();

	/**
	 * The embeddable widget: a script that puts a small frame showing the page's status
	 * where it is included
	 * ({@code <script src="https://status.example.com/widget.js" async></script>}), from
	 * {@code statuspage/widget.js}.
	 */
	private final RenderedResource widget = RenderedResource.of(200, resource("statuspage/widget.js"),
			"text/javascript;charset=UTF-8", RenderedResource.PAGE_CACHE_CONTROL);

	PublicResources(StatusPageRefresher refresher, StatusPageCache cache, StatusPageReader reader,
			StatusPageRenderer renderer, StatuspageJson statuspageJson, JsonMapper json) {
		this.statuspageJson = statuspageJson;
		this.json = json;
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
		for (Route route : this.routes) {
			Matcher matcher = route.path().matcher(path);
			if (matcher.matches()) {
				return Optional.of(route.handler().handle(new Call(state, request), matcher));
			}
		}
		return Optional.empty();
	}

	/**
	 * The public resources by path, tried in order.
	 */
	private List<Route> routes() {
		return List.of(new Route("(?s)/api/v2/.*", this::statuspage), new Route("/", this::index),
				new Route("/embed", this::embed), new Route("/widget\\.js", this::widget),
				new Route("/badge\\.svg", this::pageBadge), new Route("/incidents/(\\d{1,18})", this::incident),
				new Route("/schedules/(\\d{1,18})", this::schedule), new Route("/metrics/(\\d{1,18})", this::metric),
				new Route("/components?/(\\d{1,18})/(badge\\.svg|shield)", this::componentBadge),
				new Route("/(rss|atom)(?:/(\\d{1,18}))?", this::feed));
	}

	private record Route(Pattern path, Handler handler) {

		Route(String path, Handler handler) {
			this(Pattern.compile(path), handler);
		}

	}

	@FunctionalInterface
	private interface Handler {

		/**
		 * @param path the matched path, its groups the route's parameters
		 */
		Response handle(Call call, Matcher path);

	}

	/**
	 * A request with the snapshot it is answered from, and the language it is answered in
	 * (worked out only for the resources that have one).
	 */
	private static final class Call {

		final State state;

		final Request request;

		private @Nullable Locale locale;

		Call(State state, Request request) {
			this.state = state;
			this.request = request;
		}

		PageSettings settings() {
			return this.state.snapshot().settings();
		}

		Locale locale() {
			if (this.locale == null) {
				PageSettings settings = settings();
				this.locale = settings.automaticLocalization()
						? PageLocales.fromAcceptLanguage(this.request.acceptLanguage(), settings.locale())
						: settings.locale();
			}
			return this.locale;
		}

		String lang() {
			return locale().toLanguageTag();
		}

		/** The response depends on {@code Accept-Language}. */
		boolean vary() {
			return settings().automaticLocalization();
		}

	}

	/**
	 * The hottest resources after the page: keyed by their path, no locale. Unknown names
	 * are not kept, so that made-up paths cannot fill the cache.
	 */
	private Response statuspage(Call call, Matcher path) {
		String name = path.group();
		if (!StatuspageJson.PATHS.contains(name)) {
			return new Response(jsonNotFound(), false, false, true);
		}
		return new Response(this.cache.get(call.state, name, (s) -> statuspageJson(s, name)), false, false, true);
	}

	private Response index(Call call, Matcher path) {
		return new Response(index(call.state, call.locale(), call.request.parameter()), call.vary(), false, false);
	}

	private Response embed(Call call, Matcher path) {
		Locale locale = call.locale();
		return new Response(this.cache.get(call.state, "embed:" + call.lang(), (s) -> this.renderer.embed(s, locale)),
				call.vary(), true, false);
	}

	private Response widget(Call call, Matcher path) {
		return new Response(this.cache.get(call.state, "widget", (s) -> this.widget), false, false, true);
	}

	private Response pageBadge(Call call, Matcher path) {
		return new Response(this.cache.get(call.state, "badge", (s) -> Badges.page(s.snapshot())), false, false, true);
	}

	private Response incident(Call call, Matcher path) {
		long id = Long.parseLong(path.group(1));
		Locale locale = call.locale();
		return new Response(
				this.cache.get(call.state, "incident:" + id + ":" + call.lang(), (s) -> incident(s, locale, id)),
				call.vary(), false, false);
	}

	private Response schedule(Call call, Matcher path) {
		long id = Long.parseLong(path.group(1));
		Locale locale = call.locale();
		return new Response(
				this.cache.get(call.state, "schedule:" + id + ":" + call.lang(), (s) -> schedule(s, locale, id)),
				call.vary(), false, false);
	}

	private Response metric(Call call, Matcher path) {
		long id = Long.parseLong(path.group(1));
		// keyed by the period the filter selects: any other filter is the default one
		String filter = (call.request.parameter() != null) ? call.request.parameter() : "";
		String period = MetricPeriod.ofFilter(filter).map(MetricPeriod::name).orElse("default");
		return new Response(
				this.cache.get(call.state, "metric:" + id + ":" + period, (s) -> metric(this.json, s, id, filter)),
				false, false, true);
	}

	private Response componentBadge(Call call, Matcher path) {
		long id = Long.parseLong(path.group(1));
		boolean flatSquare = "flat-square".equals(call.request.parameter());
		// one entry for every id that is not a component
		String key = call.state.snapshot().component(id).isPresent() ? "badge:" + id + ":" + flatSquare
				: "badge:unknown:" + flatSquare;
		return new Response(this.cache.get(call.state, key,
				(s) -> s.snapshot()
					.component(id)
					.map((entry) -> Badges.component(s.snapshot(), entry, flatSquare))
					.orElseGet(() -> Badges.render("component", "not found", s.snapshot().settings().theme().greys(),
							flatSquare))),
				false, false, true);
	}

	private Response feed(Call call, Matcher path) {
		boolean rss = path.group(1).equals("rss");
		Long group = (path.group(2) != null) ? Long.valueOf(path.group(2)) : null;
		Locale locale = call.locale();
		RenderedResource feed = this.cache.get(call.state, path.group(), (s) -> {
			RenderedResource found = rss ? IncidentFeeds.rss(s.snapshot(), group)
					: IncidentFeeds.atom(s.snapshot(), group);
			return (found != null) ? found : notFound(s, locale);
		});
		return new Response(feed, false, false, true);
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
	 * Cachet's {@code /metrics/{id}?filter=} ({@link MetricData}).
	 */
	static RenderedResource metric(JsonMapper json, State state, long id, String filter) {
		var entry = state.snapshot().metric(id);
		if (entry.isEmpty()) {
			return jsonNotFound();
		}
		MetricPeriod period = MetricPeriod.ofFilter(filter).orElse(entry.get().defaultPeriod());
		MetricChart chart = entry.get().charts().get(period);
		return RenderedResource.of(200, json.writeValueAsString(MetricData.of(chart)), StatuspageJson.CONTENT_TYPE,
				RenderedResource.PAGE_CACHE_CONTROL);
	}

	private RenderedResource statuspageJson(State state, String path) {
		Matcher matcher = V2.matcher(path);
		if (!matcher.matches()) {
			return jsonNotFound();
		}
		return this.statuspageJson.render(state.snapshot(), matcher.group(1)).orElseGet(PublicResources::jsonNotFound);
	}

	private static RenderedResource jsonNotFound() {
		return RenderedResource.of(404,
				"{\"errors\":[{\"status\":404,\"title\":\"Not Found\",\"detail\":\"The requested resource could not be found but may be available again in the future.\"}]}",
				StatuspageJson.CONTENT_TYPE, "public, max-age=10");
	}

	private static String resource(String name) {
		try (InputStream in = new ClassPathResource(name).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
