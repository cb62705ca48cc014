package io.cachet.crawl;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Walks a site breadth-first over real HTTP, as a visitor clicking everything would:
 * every same-site link ({@code a[href]}, {@code link[href]}, {@code script[src]},
 * {@code img[src]}, {@code iframe[src]}, the action of GET forms) and every redirect,
 * each address once, up to a cap. It never follows a link that would change something
 * (log out, delete, remove): those are POST forms in this app, but a GET one must not be
 * clicked either. Other sites are never contacted.
 */
final class SiteCrawler {

	/** A link that changes something: never followed. */
	private static final Pattern DESTRUCTIVE = Pattern.compile("(?i)/(logout|log-out|delete|destroy|remove)(/|$|\\?)");

	private static final String LINKS = "a[href], link[href], script[src], img[src], iframe[src], "
			+ "form[action]:not([method=post]):not([method=POST])";

	private final HttpClient http;

	private final URI base;

	private final int cap;

	SiteCrawler(HttpClient http, URI base, int cap) {
		this.http = http;
		this.base = base;
		this.cap = cap;
	}

	/**
	 * @param start the paths to start from
	 * @return every address visited, in the order visited
	 */
	Result crawl(String... start) throws IOException, InterruptedException {
		Deque<Link> queue = new ArrayDeque<>();
		Set<URI> seen = new LinkedHashSet<>();
		for (String path : start) {
			URI uri = this.base.resolve(path);
			seen.add(uri);
			queue.add(new Link(uri, null));
		}
		Map<URI, Visit> visits = new LinkedHashMap<>();
		Set<URI> skipped = new LinkedHashSet<>();
		while (!queue.isEmpty() && visits.size() < this.cap) {
			Link link = queue.poll();
			Visit visit = fetch(link);
			visits.put(link.uri(), visit);
			for (URI next : visit.links()) {
				if (!sameSite(next)) {
					continue;
				}
				if (DESTRUCTIVE.matcher(next.getRawPath()).find()) {
					skipped.add(next);
				}
				else if (seen.add(next)) {
					queue.add(new Link(next, link.uri()));
				}
			}
		}
		return new Result(List.copyOf(visits.values()), List.copyOf(skipped), !queue.isEmpty());
	}

	private Visit fetch(Link link) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(link.uri())
			.timeout(Duration.ofSeconds(30))
			.header("Accept", "text/html,*/*;q=0.8")
			.GET()
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		String type = response.headers().firstValue("Content-Type").orElse("");
		List<URI> links = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		response.headers().firstValue("Location").ifPresent((location) -> add(links, link.uri(), location));
		if (type.startsWith("text/html") && response.statusCode() == 200) {
			problems.addAll(HtmlChecks.problems(response.body(), link.uri().toString()));
			problems.addAll(CspChecks.problems(response.headers().firstValue("Content-Security-Policy").orElse(null),
					response.body(), link.uri()));
			Document document = Jsoup.parse(response.body(), link.uri().toString());
			for (Element element : document.select(LINKS)) {
				String target = element.hasAttr("href") ? element.attr("href")
						: element.hasAttr("src") ? element.attr("src") : element.attr("action");
				add(links, link.uri(), target);
			}
		}
		return new Visit(link.uri(), response.statusCode(), type, link.from(), links, problems);
	}

	private static void add(List<URI> links, URI page, String target) {
		String trimmed = target.strip();
		if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.matches("(?i)(mailto|tel|javascript|data):.*")) {
			return;
		}
		try {
			URI resolved = page.resolve(new URI(encode(trimmed)));
			if (resolved.isOpaque() || resolved.getScheme() == null) {
				return;
			}
			String path = resolved.getRawPath().isEmpty() ? "/" : resolved.getRawPath();
			String query = (resolved.getRawQuery() != null) ? "?" + resolved.getRawQuery() : "";
			links.add(new URI(resolved.getScheme() + "://" + resolved.getRawAuthority() + path + query).normalize());
		}
		catch (URISyntaxException | IllegalArgumentException ex) {
			// an address no browser could follow either is a broken link
			links.add(page.resolve("/__unparseable_link__?from=" + page.getRawPath()));
		}
	}

	/**
	 * Browsers follow links with spaces or brackets in them; so does the crawler.
	 */
	private static String encode(String link) {
		return link.replace(" ", "%20").replace("[", "%5B").replace("]", "%5D").replace("|", "%7C");
	}

	private boolean sameSite(URI uri) {
		return "http".equals(uri.getScheme()) && this.base.getHost().equals(uri.getHost())
				&& this.base.getPort() == uri.getPort();
	}

	private record Link(URI uri, URI from) {
	}

	/**
	 * One page or resource fetched: its status, content type, who linked to it, the links
	 * it holds and, for an HTML page, what is wrong with it.
	 */
	record Visit(URI uri, int status, String contentType, URI from, List<URI> links, List<String> problems) {

		boolean isHtml() {
			return this.contentType.startsWith("text/html");
		}

	}

	/**
	 * @param skipped links not followed because they would change something
	 * @param truncated whether the cap stopped the walk before every link was visited
	 */
	record Result(List<Visit> visits, List<URI> skipped, boolean truncated) {

		long htmlPages() {
			return this.visits.stream().filter(Visit::isHtml).count();
		}

	}

}
