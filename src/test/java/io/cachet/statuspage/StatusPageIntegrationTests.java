package io.cachet.statuspage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.cachet.StatusPageTest;
import io.cachet.component.ComponentService;
import io.cachet.component.ComponentStatus;
import io.cachet.component.UpdateComponentGroup;
import io.cachet.incident.IncidentService;
import io.cachet.incident.IncidentStatus;
import io.cachet.metric.MetricService;
import io.cachet.metric.SaveMetric;
import io.cachet.schedule.SaveSchedule;
import io.cachet.schedule.ScheduleService;
import io.cachet.schedule.ScheduleStatus;
import io.cachet.settings.SettingsService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The public page, feeds, badges and Statuspage JSON over HTTP, rendered from the
 * in-memory snapshot. Each test sets up its data, rebuilds the snapshot, then reads.
 */
@StatusPageTest
class StatusPageIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	ComponentService components;

	@Autowired
	IncidentService incidents;

	@Autowired
	ScheduleService schedules;

	@Autowired
	MetricService metrics;

	@Autowired
	SettingsService settings;

	@Autowired
	StatusPageRefresher refresher;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	io.cachet.user.UserService users;

	@Autowired
	Clock clock;

	StatusPageFixtures fixtures;

	@BeforeEach
	void setUp() {
		StatusPageFixtures.clear(this.jdbc);
		io.cachet.TestUsers.ensureSetUp(this.users);
		Map.of("app_name", "Acme Status", "app_domain", "https://status.acme.test", "app_locale", "en",
				"automatic_localization", "0", "major_outage_rate", "50", "only_disrupted_days", "0",
				"app_incident_days", "7", "app_timezone", "UTC", "display_graphs", "1", "app_about", "")
			.forEach(this.settings::set);
		this.fixtures = new StatusPageFixtures(this.port, this.components, this.incidents);
	}

	@Test
	void bannerSaysAllOperationalWhenEverythingIs() {
		this.fixtures.component("API", ComponentStatus.OPERATIONAL, 0);
		this.fixtures.component("Web", ComponentStatus.OPERATIONAL, 0);

		String page = page();

		assertThat(page).contains("status-banner success").contains("All systems are operational");
	}

	@Test
	void bannerSaysMajorIssuesFromTheMajorOutageRate() {
		this.fixtures.component("API", ComponentStatus.MAJOR_OUTAGE, 0);
		this.fixtures.component("Web", ComponentStatus.OPERATIONAL, 0);

		assertThat(page()).contains("status-banner danger").contains("Some systems are experiencing major issues");

		this.settings.set("major_outage_rate", "60");
		assertThat(page()).contains("status-banner info").contains("Some systems are experiencing issues");
	}

	@Test
	void bannerSaysIssuesForAnUnresolvedIncidentAndSingularForOneComponent() {
		this.fixtures.component("API", ComponentStatus.OPERATIONAL, 0);
		long incident = this.fixtures.incident("Slow logins", IncidentStatus.INVESTIGATING, true, null);

		assertThat(page()).contains("status-banner info").contains("The system is experiencing issues");

		this.incidents.reportUpdate(incident, IncidentStatus.FIXED, "All good again.", null);
		assertThat(page()).contains("status-banner success").contains("System operational");
	}

	@Test
	void groupsFollowCachetsCollapseRules() {
		long expanded = this.fixtures.group("Expanded", 0, 1);
		long collapsed = this.fixtures.group("Collapsed", 1, 1);
		long auto = this.fixtures.group("Auto", 2, 1);
		this.fixtures.component("A1", ComponentStatus.MAJOR_OUTAGE, expanded);
		this.fixtures.component("C1", ComponentStatus.MAJOR_OUTAGE, collapsed);
		long autoComponent = this.fixtures.component("X1", ComponentStatus.OPERATIONAL, auto);

		String page = page();
		assertThat(groupTag(page, expanded)).contains("open");
		assertThat(groupTag(page, collapsed)).doesNotContain("open");
		assertThat(groupTag(page, auto)).doesNotContain("open");

		this.components.changeStatus(autoComponent, ComponentStatus.PARTIAL_OUTAGE, true,
				io.cachet.component.StatusChangeSource.MANUAL);
		page = page();
		assertThat(groupTag(page, auto)).contains("open");
		assertThat(page).contains("<span class=\"status s-3\">Partial Outage</span>");
	}

	@Test
	void guestsNeverSeeHiddenGroupsIncidentsOrMetrics() {
		long hidden = this.fixtures.group("Internal", 0, 0);
		this.fixtures.component("Secret database", ComponentStatus.MAJOR_OUTAGE, hidden);
		this.fixtures.component("Public API", ComponentStatus.OPERATIONAL, 0);
		long secret = this.fixtures.incident("Secret incident", IncidentStatus.INVESTIGATING, false, null);
		this.metrics.createMetric(new SaveMetric("Private metric", "ms", null, java.math.BigDecimal.ZERO, null, true,
				null, null, null, null, 0));
		this.metrics.createMetric(new SaveMetric("Public metric", "ms", null, java.math.BigDecimal.ZERO, null, true,
				null, null, null, null, 1));

		String page = page();

		assertThat(page).contains("Public API").contains("Public metric").contains("System operational");
		assertThat(page).doesNotContain("Internal").doesNotContain("Secret").doesNotContain("Private metric");
		assertThat(this.fixtures.get("/incidents/" + secret).statusCode()).isEqualTo(404);
		assertThat(this.fixtures.get("/api/v2/summary.json").body()).doesNotContain("Secret");
		assertThat(this.fixtures.get("/rss").body()).doesNotContain("Secret");
	}

	@Test
	void timelineListsEveryDayAndPagesByIncidentDays() {
		Instant now = this.clock.instant();
		this.fixtures.incident("Today's hiccup", IncidentStatus.FIXED, true, now);
		this.fixtures.incident("Old outage", IncidentStatus.FIXED, true, now.minus(10, ChronoUnit.DAYS));
		this.fixtures.incident("Hidden older one", IncidentStatus.FIXED, false, now.minus(30, ChronoUnit.DAYS));
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);

		String first = page();
		assertThat(first).contains("Today&#39;s hiccup").doesNotContain("Old outage");
		assertThat(first.split("class=\"day\"", -1)).hasSize(8);
		assertThat(first).contains("No incidents reported");
		String previous = today.minusDays(7).toString();
		assertThat(first).contains("href=\"/?start_date=" + previous + "\"");

		String older = this.fixtures.get("/?start_date=" + previous).body();
		assertThat(older).contains("Old outage").doesNotContain("Today&#39;s hiccup");
		assertThat(older).contains("rel=\"next\"");
		// no endless chain of empty weeks: older pages only while an incident guests see
		// is older
		assertThat(older).doesNotContain("rel=\"prev\"");
	}

	@Test
	void onlyDisruptedDaysListsDaysWithIncidents() {
		Instant now = this.clock.instant();
		this.settings.set("only_disrupted_days", "1");
		this.settings.set("app_incident_days", "1");
		this.fixtures.incident("Recent", IncidentStatus.FIXED, true, now.minus(2, ChronoUnit.DAYS));
		this.fixtures.incident("Ancient", IncidentStatus.FIXED, true, now.minus(40, ChronoUnit.DAYS));

		String first = page();
		assertThat(first).contains("Recent").doesNotContain("Ancient").doesNotContain("No incidents reported");
		assertThat(first).contains("href=\"/?page=2\"");
		assertThat(this.fixtures.get("/?page=2").body()).contains("Ancient");
	}

	@Test
	void theDefaultTimeZoneIsNamedUtc() {
		this.settings.set("app_timezone", "");
		this.settings.set("show_timezone", "1");
		assertThat(page()).contains("Times are shown in UTC.");
	}

	@Test
	void theFaviconFollowsTheStatusAndIsServed() {
		this.fixtures.component("API", ComponentStatus.OPERATIONAL, 0);
		assertThat(page()).contains("<link rel=\"icon\" type=\"image/svg+xml\" href=\"/status/favicon.svg\">");
		this.fixtures.component("Web", ComponentStatus.MAJOR_OUTAGE, 0);
		assertThat(page()).contains("href=\"/status/favicon-high-alert.svg\"");
		for (String icon : List.of("favicon", "favicon-medium-alert", "favicon-high-alert")) {
			HttpResponse<String> response = this.fixtures.get("/status/" + icon + ".svg");
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("image/svg+xml"));
		}
	}

	@Test
	void aStickiedIncidentShownTwiceHasItsUpdateAnchorsOnce() {
		long incident = this.incidents
			.createIncident(new io.cachet.incident.CreateIncident("Pinned", IncidentStatus.INVESTIGATING, "Pinned", 0,
					null, null, Map.of(), true, true, false, null, null, List.of(), null))
			.id();
		long update = this.incidents.reportUpdate(incident, IncidentStatus.IDENTIFIED, "Found it.", null).id();

		String page = page();
		assertThat(page.split("data-incident=\"" + incident + "\"", -1)).hasSize(3);
		assertThat(page.split("id=\"update-" + update + "\"", -1)).hasSize(2);
	}

	@Test
	void incidentAndMaintenancePagesShowEverything() {
		long incident = this.fixtures.incident("Database failover", IncidentStatus.INVESTIGATING, true, null);
		this.incidents.reportUpdate(incident, IncidentStatus.IDENTIFIED, "Found a **bad disk**.", null);
		long schedule = this.schedules
			.createSchedule(new SaveSchedule("Kernel upgrade", "Reboots", ScheduleStatus.UPCOMING,
					this.clock.instant().plus(1, ChronoUnit.DAYS), null, Map.of()))
			.id();
		this.refresher.rebuild();

		String incidentPage = this.fixtures.get("/incidents/" + incident).body();
		assertThat(incidentPage).contains("Database failover")
			.contains("<strong>bad disk</strong>")
			.contains("Identified")
			.contains("id=\"update-");
		String schedulePage = this.fixtures.get("/schedules/" + schedule).body();
		assertThat(schedulePage).contains("Kernel upgrade").contains("Upcoming");
		assertThat(page()).contains("Maintenance").contains("href=\"/schedules/" + schedule + "\"");
		assertThat(this.fixtures.get("/incidents/999999").statusCode()).isEqualTo(404);
	}

	@Test
	void incidentPageNamesTheComponentsItAffects() {
		long api = this.fixtures.component("Public API", ComponentStatus.OPERATIONAL, 0);
		long web = this.fixtures.component("Website", ComponentStatus.OPERATIONAL, 0);
		long one = affecting("API slow", List.of(api));
		long several = affecting("Everything down", List.of(api, web));
		this.refresher.rebuild();

		HttpResponse<String> onePage = this.fixtures.get("/incidents/" + one);
		assertThat(onePage.statusCode()).isEqualTo(200);
		assertThat(onePage.body()).contains("Public API").doesNotContain("Website");
		HttpResponse<String> severalPage = this.fixtures.get("/incidents/" + several);
		assertThat(severalPage.statusCode()).isEqualTo(200);
		assertThat(severalPage.body()).contains("Public API, Website");
	}

	private long affecting(String name, List<Long> componentIds) {
		return this.incidents
			.createIncident(new io.cachet.incident.CreateIncident(name, IncidentStatus.INVESTIGATING, "Looking", 0,
					null, null, Map.of(), true, false, false, null, null,
					componentIds.stream()
						.map((id) -> new io.cachet.incident.AffectedComponent(id, ComponentStatus.PARTIAL_OUTAGE))
						.toList(),
					null))
			.id();
	}

	@Test
	void markdownIsSanitized() {
		this.settings.set("app_about", "Hello <script>alert(1)</script> [x](javascript:alert(2)) **bold**");
		String page = page();
		assertThat(page).contains("<strong>bold</strong>")
			.doesNotContain("<script>alert")
			.doesNotContain("javascript:");
	}

	@Test
	void themeCustomStylesheetHeaderAndFooterComeFromTheSettings() {
		this.settings.set("style_greens", "#00AA00");
		this.settings.set("style_reds", "red;}</style><script>x</script>");
		this.settings.set("stylesheet", "body { letter-spacing: 1px; }");
		this.settings.set("header", "<div class=\"my-header\">Hi</div>");
		this.settings.set("footer", "<p class=\"my-footer\">Bye</p>");
		this.settings.set("show_timezone", "1");

		String page = page();

		assertThat(page).contains("--greens: #00AA00").contains("--reds: #FF6F6F");
		assertThat(page).contains("letter-spacing: 1px").contains("my-header").contains("my-footer");
		assertThat(page).doesNotContain("Powered by").contains("Times are shown in UTC");
	}

	@Test
	void languageFromTheSettingOrTheBrowser() {
		this.fixtures.component("API", ComponentStatus.OPERATIONAL, 0);
		this.settings.set("app_locale", "de");
		assertThat(page()).contains("lang=\"de\"").doesNotContain("System operational");

		this.settings.set("automatic_localization", "1");
		this.refresher.rebuild();
		HttpResponse<String> french = this.fixtures.get("/", "Accept-Language", "fr-CH, fr;q=0.9");
		assertThat(french.body()).contains("lang=\"fr\"");
		assertThat(french.headers().firstValue("Vary").orElse("")).contains("Accept-Language");
		assertThat(this.fixtures.get("/", "Accept-Language", "zh-CN").body()).contains("lang=\"zh-CN\"");
		assertThat(this.fixtures.get("/", "Accept-Language", "ja").body()).contains("lang=\"de\"");
	}

	@Test
	void everyLanguageHasEveryMessage() throws IOException {
		java.util.Properties english = load("messages.properties");
		for (String file : List.of("messages_de.properties", "messages_fr.properties", "messages_es.properties",
				"messages_nl.properties", "messages_pt_BR.properties", "messages_zh_CN.properties")) {
			assertThat(load(file).stringPropertyNames()).as(file).isEqualTo(english.stringPropertyNames());
		}
	}

	@Test
	void servesEtagsNotModifiedAndGzip() throws IOException {
		this.fixtures.component("API", ComponentStatus.OPERATIONAL, 0);
		this.refresher.rebuild();
		HttpResponse<String> first = this.fixtures.get("/");
		String etag = first.headers().firstValue("ETag").orElseThrow();
		assertThat(first.headers().firstValue("Cache-Control").orElseThrow()).contains("public")
			.contains("max-age=")
			.contains("stale-while-revalidate");

		assertThat(this.fixtures.get("/", "If-None-Match", etag).statusCode()).isEqualTo(304);

		HttpResponse<byte[]> gzipped = this.fixtures.getBytes("/", "Accept-Encoding", "gzip");
		assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
		try (var in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
			assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(first.body());
		}
	}

	@Test
	void largePagesAreSentWholeFromTheirFile() throws IOException {
		for (int i = 0; i < 80; i++) {
			this.components.createComponent(new io.cachet.component.CreateComponent("Component " + i,
					"A description long enough to make the page large ".repeat(3), "", ComponentStatus.OPERATIONAL, i,
					0, true, null, List.of()));
		}
		this.refresher.rebuild();

		HttpResponse<byte[]> plain = this.fixtures.getBytes("/");
		assertThat(plain.body().length).isGreaterThan(SendfileCache.MIN_SIZE);
		assertThat(plain.headers().firstValueAsLong("Content-Length")).hasValue(plain.body().length);
		HttpResponse<byte[]> gzipped = this.fixtures.getBytes("/", "Accept-Encoding", "gzip");
		try (var in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
			assertThat(in.readAllBytes()).isEqualTo(plain.body());
		}
		assertThat(new String(plain.body(), StandardCharsets.UTF_8)).endsWith("</html>\n");
		assertThat(this.fixtures.getBytes("/").body()).isEqualTo(plain.body());
	}

	@Test
	void aChangeShowsWithinOneSecond() {
		long api = this.fixtures.component("API", ComponentStatus.OPERATIONAL, 0);
		this.refresher.rebuild();
		assertThat(page()).contains("System operational");

		this.components.changeStatus(api, ComponentStatus.MAJOR_OUTAGE, false,
				io.cachet.component.StatusChangeSource.MANUAL);

		await().atMost(Duration.ofSeconds(1))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> this.fixtures.get("/").body().contains("The system is experiencing major issues"));
	}

	@Test
	void feedsAreWellFormedRssAndAtom() throws Exception {
		long group = this.fixtures.group("Core", 0, 1);
		long api = this.fixtures.component("API", ComponentStatus.OPERATIONAL, group);
		this.fixtures.incident("Outage & <recovery>", IncidentStatus.FIXED, true, null);
		this.incidents
			.createIncident(new io.cachet.incident.CreateIncident("API down", IncidentStatus.INVESTIGATING, "Down", api,
					ComponentStatus.MAJOR_OUTAGE, null, Map.of(), true, false, false, null, null, List.of(), null));
		this.refresher.rebuild();

		HttpResponse<String> rss = this.fixtures.get("/rss");
		assertThat(rss.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/rss+xml");
		Document rssXml = xml(rss.body());
		assertThat(rssXml.getDocumentElement().getTagName()).isEqualTo("rss");
		assertThat(rssXml.getDocumentElement().getAttribute("version")).isEqualTo("2.0");
		assertThat(rssXml.getElementsByTagName("item").getLength()).isEqualTo(2);
		assertThat(rssXml.getElementsByTagName("title").item(1).getTextContent()).contains("API down");

		Document atom = xml(this.fixtures.get("/atom").body());
		assertThat(atom.getDocumentElement().getTagName()).isEqualTo("feed");
		assertThat(atom.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
		assertThat(atom.getElementsByTagName("entry").getLength()).isEqualTo(2);
		assertThat(atom.getElementsByTagName("updated").getLength()).isGreaterThan(2);

		Document groupFeed = xml(this.fixtures.get("/rss/" + group).body());
		assertThat(groupFeed.getElementsByTagName("item").getLength()).isEqualTo(1);
		assertThat(this.fixtures.get("/atom/987654").statusCode()).isEqualTo(404);
	}

	@Test
	void badgesAreSvgInTheStatusColour() throws Exception {
		this.settings.set("style_reds", "#DD0000");
		long api = this.fixtures.component("API", ComponentStatus.MAJOR_OUTAGE, 0);
		this.refresher.rebuild();

		HttpResponse<String> badge = this.fixtures.get("/components/" + api + "/badge.svg");
		assertThat(badge.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/svg+xml");
		Document svg = xml(badge.body());
		assertThat(svg.getDocumentElement().getTagName()).isEqualTo("svg");
		assertThat(badge.body()).contains("API").contains("Major Outage").contains("#DD0000");
		assertThat(this.fixtures.get("/component/" + api + "/shield?style=flat-square").body()).contains("rx=\"0\"");
		Document page = xml(this.fixtures.get("/badge.svg").body());
		assertThat(page.getDocumentElement().getTextContent()).contains("The system is experiencing major issues");
	}

	@Test
	void statuspageJsonHasTheStatuspageShape() {
		long group = this.fixtures.group("Core", 0, 1);
		long api = this.fixtures.component("API", ComponentStatus.PERFORMANCE_ISSUES, group);
		long db = this.fixtures.component("Database", ComponentStatus.OPERATIONAL, 0);
		this.fixtures.incident("Slow API", IncidentStatus.IDENTIFIED, true, null);
		this.schedules.createSchedule(new SaveSchedule("DB upgrade", "Now", ScheduleStatus.IN_PROGRESS,
				this.clock.instant().minus(5, ChronoUnit.MINUTES), null, Map.of(db, 0)));
		this.refresher.rebuild();

		JsonNode summary = json("/api/v2/summary.json");
		assertThat(summary.path("page").path("id").asString()).hasSize(12);
		assertThat(summary.path("page").path("name").asString()).isEqualTo("Acme Status");
		assertThat(summary.path("page").path("time_zone").asString()).isEqualTo("UTC");
		assertThat(summary.path("status").path("indicator").asString()).isEqualTo("minor");
		JsonNode groupRow = summary.path("components").get(0);
		assertThat(groupRow.path("group").asBoolean()).isTrue();
		assertThat(groupRow.path("components").get(0).asString()).isEqualTo(String.valueOf(api));
		assertThat(find(summary.path("components"), String.valueOf(api)).path("status").asString())
			.isEqualTo("degraded_performance");
		assertThat(find(summary.path("components"), String.valueOf(api)).path("group_id").asString())
			.isEqualTo(groupRow.path("id").asString());
		assertThat(find(summary.path("components"), String.valueOf(db)).path("status").asString())
			.isEqualTo("under_maintenance");
		assertThat(summary.path("incidents").get(0).path("status").asString()).isEqualTo("identified");
		assertThat(summary.path("incidents").get(0).path("incident_updates").isArray()).isTrue();
		assertThat(summary.path("scheduled_maintenances").get(0).path("status").asString()).isEqualTo("in_progress");

		assertThat(json("/api/v2/status.json").path("status").path("description").asString())
			.isEqualTo("Partially Degraded Service");
		assertThat(json("/api/v2/components.json").path("components").size()).isEqualTo(3);
		assertThat(json("/api/v2/incidents/unresolved.json").path("incidents").size()).isEqualTo(1);
		assertThat(json("/api/v2/incidents.json").path("incidents").size()).isEqualTo(1);
		assertThat(json("/api/v2/scheduled-maintenances/active.json").path("scheduled_maintenances").size())
			.isEqualTo(1);
		assertThat(json("/api/v2/scheduled-maintenances/upcoming.json").path("scheduled_maintenances").size()).isZero();
		assertThat(this.fixtures.get("/api/v2/nothing.json").statusCode()).isEqualTo(404);
		// allowed_domains is empty: only the page's own address may read it from a script
		assertThat(this.fixtures.get("/api/v2/summary.json", "Origin", "https://status.acme.test")
			.headers()
			.firstValue("Access-Control-Allow-Origin")).hasValue("https://status.acme.test");
	}

	@Test
	void metricDataAsInCachet() {
		long metric = this.metrics
			.createMetric(
					new SaveMetric("Latency", "ms", null, java.math.BigDecimal.ZERO, 0, true, 0, 0, null, null, 1))
			.id();
		this.metrics.addPoint(metric, java.math.BigDecimal.TEN, null);
		this.metrics.addPoint(metric, java.math.BigDecimal.valueOf(5), null);
		this.refresher.rebuild();

		JsonNode lastHour = json("/metrics/" + metric + "?filter=last_hour");
		assertThat(lastHour.path("data").path("metric").path("name").asString()).isEqualTo("Latency");
		JsonNode items = lastHour.path("data").path("items");
		assertThat(items.size()).isEqualTo(61);
		long sum = 0;
		for (JsonNode value : items) {
			sum += value.asLong();
		}
		assertThat(sum).isEqualTo(15);
		assertThat(json("/metrics/" + metric + "?filter=week").path("data").path("items").size()).isEqualTo(7);
		String page = page();
		assertThat(page).contains("class=\"chart\"").contains("<polyline");
	}

	@Test
	void uptimeBarShowsNinetyDaysWithThePercentage() {
		long api = this.fixtures.component("API", ComponentStatus.OPERATIONAL, 0);
		this.jdbc.sql("UPDATE component_status_history SET changed_at = ? WHERE component_id = ?")
			.params(java.sql.Timestamp.from(this.clock.instant().minus(30, ChronoUnit.DAYS)), api)
			.update();
		this.components.changeStatus(api, ComponentStatus.MAJOR_OUTAGE, true,
				io.cachet.component.StatusChangeSource.MANUAL);
		this.refresher.rebuild();

		String page = page();
		assertThat(page).contains("class=\"bar\"").contains("uptime over the last 90 days");
		assertThat(page).contains("class=\"u-4\"");
	}

	@Test
	void embedWidgetIsFramable() {
		this.fixtures.component("API", ComponentStatus.OPERATIONAL, 0);
		this.refresher.rebuild();
		HttpResponse<String> embed = this.fixtures.get("/embed");
		assertThat(embed.body()).contains("System operational");
		assertThat(embed.headers().firstValue("X-Frame-Options")).isEmpty();
		assertThat(this.fixtures.get("/").headers().firstValue("X-Frame-Options")).hasValue("SAMEORIGIN");
		assertThat(this.fixtures.get("/widget.js").body()).contains("/embed");
	}

	@Test
	void groupVisibilityChangeShowsAfterRebuild() {
		long group = this.fixtures.group("Later public", 0, 0);
		this.fixtures.component("Soon visible", ComponentStatus.OPERATIONAL, group);
		assertThat(page()).doesNotContain("Soon visible");
		this.components.updateGroup(group, new UpdateComponentGroup(null, null, null, 1));
		assertThat(page()).contains("Soon visible");
	}

	private String page() {
		this.refresher.rebuild();
		HttpResponse<String> response = this.fixtures.get("/");
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	private JsonNode json(String path) {
		HttpResponse<String> response = this.fixtures.get(path);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private static JsonNode find(JsonNode components, String id) {
		for (JsonNode component : components) {
			if (component.path("id").asString().equals(id)) {
				return component;
			}
		}
		throw new AssertionError("No component " + id);
	}

	private static String groupTag(String page, long groupId) {
		int at = page.indexOf("data-group=\"" + groupId + "\"");
		assertThat(at).isPositive();
		int start = page.lastIndexOf("<details", at);
		return page.substring(start, page.indexOf('>', at) + 1);
	}

	private static Document xml(String body) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
	}

	private static java.util.Properties load(String file) throws IOException {
		var properties = new java.util.Properties();
		try (var in = StatusPageIntegrationTests.class.getResourceAsStream("/i18n/" + file)) {
			assertThat(in).as(file).isNotNull();
			properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
