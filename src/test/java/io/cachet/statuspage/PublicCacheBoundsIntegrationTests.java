package io.cachet.statuspage;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.cachet.StatusPageTest;
import io.cachet.TestUsers;
import io.cachet.user.UserService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Made-up addresses cannot fill the public cache or push the page out of it: unknown
 * filters, ids that do not exist and arbitrary dates leave no entries behind. Before,
 * each made one, up to 2,000, after which nothing new was kept.
 */
@StatusPageTest
class PublicCacheBoundsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	PublicResources resources;

	@Autowired
	StatusPageCache cache;

	@Autowired
	StatusPageRefresher refresher;

	@Autowired
	UserService users;

	@Test
	void tenThousandJunkRequestsLeaveTheCacheSmallAndThePageCached() throws Exception {
		TestUsers.ensureSetUp(this.users);
		StatusPageCache.State state = this.refresher.currentOrBuild();
		String page = "index:" + state.snapshot().settings().locale().toLanguageTag();
		RenderedResource before = this.resources.handle(new PublicResources.Request("/", null, null))
			.orElseThrow()
			.resource();
		long kept = this.cache.size();
		Random random = new Random(14);

		for (int i = 0; i < 10_000; i++) {
			this.resources.handle(junk(random));
		}
		HttpClient http = HttpClient.newHttpClient();
		for (int i = 0; i < 200; i++) {
			String query = "?" + UUID.randomUUID() + "=1&start_date=" + randomDate(random) + "&filter="
					+ UUID.randomUUID();
			HttpResponse<Void> answer = http.send(
					HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/" + query)).build(),
					HttpResponse.BodyHandlers.discarding());
			assertThat(answer.statusCode()).isIn(200, 404);
		}

		// a few entries at most (the unknown-component badge, older pages that exist)
		assertThat(this.cache.size()).isLessThanOrEqualTo(kept + 10);
		assertThat(this.cache.isCached(page)).isTrue();
		RenderedResource after = this.resources.handle(new PublicResources.Request("/", null, null))
			.orElseThrow()
			.resource();
		if (this.cache.current().orElseThrow().version() == state.version()) {
			assertThat(after).as("served from the cache").isSameAs(before);
		}
	}

	private static PublicResources.Request junk(Random random) {
		long id = 1_000_000 + random.nextInt(1_000_000_000);
		String noise = Long.toHexString(random.nextLong());
		return switch (random.nextInt(9)) {
			case 0 -> new PublicResources.Request("/", randomDate(random), null);
			case 1 -> new PublicResources.Request("/", noise, null);
			case 2 -> new PublicResources.Request("/incidents/" + id, null, null);
			case 3 -> new PublicResources.Request("/schedules/" + id, null, null);
			case 4 -> new PublicResources.Request("/metrics/" + id, noise, null);
			case 5 -> new PublicResources.Request("/components/" + id + "/badge.svg",
					random.nextBoolean() ? "flat-square" : noise, null);
			case 6 -> new PublicResources.Request((random.nextBoolean() ? "/rss/" : "/atom/") + id, null, null);
			case 7 -> new PublicResources.Request("/api/v2/" + noise + ".json", null, null);
			default -> new PublicResources.Request("/embed", noise, noise.toUpperCase(Locale.ROOT) + "-" + noise);
		};
	}

	private static String randomDate(Random random) {
		return LocalDate.of(1900, 1, 1).plusDays(random.nextInt(300 * 365)).toString();
	}

}
