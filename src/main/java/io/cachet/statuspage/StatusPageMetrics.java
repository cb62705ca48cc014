package io.cachet.statuspage;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * The public page's meters: {@code cachet.page.cache} (lookups in the in-memory page
 * cache by {@code result}: {@code hit}, {@code miss}, and each {@code render}) and
 * {@code cachet.page.requests} (the requests answered from memory by
 * {@link PublicResourceFilter}, which Spring's {@code http.server.requests} never sees,
 * by {@code resource}). Every meter is created once, so the page path only adds to a
 * counter.
 */
@Component
class StatusPageMetrics {

	private final Counter hits;

	private final Counter misses;

	private final Counter renders;

	private final Timer page;

	private final Timer json;

	private final Timer incident;

	private final Timer schedule;

	private final Timer metric;

	private final Timer feed;

	private final Timer badge;

	private final Timer embed;

	StatusPageMetrics(MeterRegistry registry) {
		this.hits = cacheCounter(registry, "hit");
		this.misses = cacheCounter(registry, "miss");
		this.renders = cacheCounter(registry, "render");
		this.page = requestTimer(registry, "page");
		this.json = requestTimer(registry, "api_v2");
		this.incident = requestTimer(registry, "incident");
		this.schedule = requestTimer(registry, "schedule");
		this.metric = requestTimer(registry, "metric");
		this.feed = requestTimer(registry, "feed");
		this.badge = requestTimer(registry, "badge");
		this.embed = requestTimer(registry, "embed");
	}

	private static Counter cacheCounter(MeterRegistry registry, String result) {
		return Counter.builder("cachet.page.cache")
			.description("Lookups in the in-memory status page cache, and renderings")
			.tag("result", result)
			.register(registry);
	}

	private static Timer requestTimer(MeterRegistry registry, String resource) {
		return Timer.builder("cachet.page.requests")
			.description("Public page requests answered from memory")
			.tag("resource", resource)
			.register(registry);
	}

	void hit() {
		this.hits.increment();
	}

	void miss() {
		this.misses.increment();
	}

	void rendered() {
		this.renders.increment();
	}

	/**
	 * @param path a {@link PublicResources#isPublicPath public path}
	 * @param startNanos {@link System#nanoTime()} when the request came in
	 */
	void answered(String path, long startNanos) {
		timerFor(path).record(System.nanoTime() - startNanos, java.util.concurrent.TimeUnit.NANOSECONDS);
	}

	private Timer timerFor(String path) {
		if (path.length() == 1) {
			return this.page;
		}
		return switch (path.charAt(1)) {
			case 'a' -> path.startsWith("/api/") ? this.json : this.feed;
			case 'i' -> this.incident;
			case 's' -> this.schedule;
			case 'm' -> this.metric;
			case 'r' -> this.feed;
			case 'e', 'w' -> this.embed;
			default -> this.badge;
		};
	}

}
