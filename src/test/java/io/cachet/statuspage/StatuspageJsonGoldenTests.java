package io.cachet.statuspage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.cachet.component.ComponentGroupView;
import io.cachet.component.ComponentStatus;
import io.cachet.component.ComponentView;
import io.cachet.component.OverallStatus;
import io.cachet.incident.AffectedComponent;
import io.cachet.incident.IncidentStatus;
import io.cachet.incident.IncidentUpdateView;
import io.cachet.incident.IncidentView;
import io.cachet.metric.MetricChart;
import io.cachet.metric.MetricPeriod;
import io.cachet.metric.MetricView;
import io.cachet.schedule.ScheduleComponentView;
import io.cachet.schedule.ScheduleStatus;
import io.cachet.schedule.ScheduleView;
import io.cachet.settings.SiteSettings;
import io.cachet.shared.BootJson;
import io.cachet.statuspage.StatusPageSnapshot.ComponentEntry;
import io.cachet.statuspage.StatusPageSnapshot.GroupSection;
import io.cachet.statuspage.StatusPageSnapshot.MaintenanceEntry;
import io.cachet.statuspage.StatusPageSnapshot.Timeline;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Statuspage v2 JSON is byte for byte what aggregators have always read: each
 * document rendered from a fixed, demo-like snapshot is compared with a fixture recorded
 * from the code before it was rewritten from maps to records. Run with
 * {@code -Dgolden.record=true} to write the fixtures again (only for a deliberate change
 * of the wire format).
 */
class StatuspageJsonGoldenTests {

	private static final String FIXTURES = "src/test/resources/io/cachet/statuspage/golden/";

	private static final Instant T0 = Instant.parse("2026-11-20T08:15:30.123456Z");

	@ParameterizedTest
	@ValueSource(strings = { "summary", "status", "components", "incidents", "incidents/unresolved",
			"scheduled-maintenances", "scheduled-maintenances/upcoming", "scheduled-maintenances/active" })
	void rendersTheRecordedDocument(String name) {
		String json = new String(
				new StatuspageJson(BootJson.mapper()).render(demoSnapshot(), name).orElseThrow().body(),
				StandardCharsets.UTF_8);
		assertGolden(name.replace('/', '-') + ".json", json);
	}

	@Test
	void rendersTheRecordedIndicatorForEachState() {
		StringBuilder all = new StringBuilder();
		List<List<ComponentStatus>> states = List.of(List.of(ComponentStatus.OPERATIONAL),
				List.of(ComponentStatus.OPERATIONAL, ComponentStatus.UNKNOWN),
				List.of(ComponentStatus.OPERATIONAL, ComponentStatus.PERFORMANCE_ISSUES),
				List.of(ComponentStatus.OPERATIONAL, ComponentStatus.PARTIAL_OUTAGE),
				List.of(ComponentStatus.OPERATIONAL, ComponentStatus.MAJOR_OUTAGE),
				List.of(ComponentStatus.MAJOR_OUTAGE, ComponentStatus.MAJOR_OUTAGE));
		for (List<ComponentStatus> statuses : states) {
			for (boolean incident : List.of(false, true)) {
				for (boolean maintenance : List.of(false, true)) {
					all.append(statuses).append(' ').append(incident).append(' ').append(maintenance).append(' ');
					all.append(new String(new StatuspageJson(BootJson.mapper())
						.render(stateSnapshot(statuses, incident, maintenance), "status")
						.orElseThrow()
						.body(), StandardCharsets.UTF_8));
					all.append('\n');
				}
			}
		}
		assertGolden("status-states.txt", all.toString());
	}

	@Test
	void rendersTheRecordedMetricData() {
		MetricView metric = new MetricView(7, "Response \"time\"", "ms", null, new BigDecimal("0.00"), 1, true, 2, 2, 5,
				3, 1, at(-100), at(-50));
		Map<MetricPeriod, MetricChart> charts = new java.util.EnumMap<>(MetricPeriod.class);
		for (MetricPeriod period : MetricPeriod.values()) {
			charts.put(period,
					new MetricChart(metric, period,
							List.of(new MetricChart.Bucket(LocalDateTime.of(2026, 11, 20, 8, 0), "2026-11-20 08:00",
									new BigDecimal("12.50"), true),
									new MetricChart.Bucket(LocalDateTime.of(2026, 11, 20, 9, 0),
											"2026-11-20 09:" + period.ordinal() + "0", BigDecimal.ZERO, false),
									new MetricChart.Bucket(LocalDateTime.of(2026, 11, 20, 10, 0), "2026-11-20 10:00",
											new BigDecimal("-3.1415"), true))));
		}
		StatusPageSnapshot demo = demoSnapshot();
		StatusPageSnapshot snapshot = new StatusPageSnapshot(demo.builtAt(), demo.settings(), demo.status(),
				demo.groups(), demo.ungrouped(), demo.stickied(), demo.maintenance(),
				List.of(new StatusPageSnapshot.MetricEntry(metric, charts)), demo.timeline(), demo.recentIncidents(),
				demo.unresolvedIncidents(), demo.recentSchedules(), demo.componentNames());
		StringBuilder all = new StringBuilder();
		for (String filter : List.of("", "last_hour", "today", "week", "month", "bogus")) {
			RenderedResource resource = PublicResources.metric(BootJson.mapper(),
					new StatusPageCache.State(snapshot, false, 1), 7, filter);
			all.append(filter).append(' ').append(resource.status()).append(' ');
			all.append(new String(resource.body(), StandardCharsets.UTF_8)).append('\n');
		}
		RenderedResource missing = PublicResources.metric(BootJson.mapper(),
				new StatusPageCache.State(snapshot, false, 1), 8, "");
		all.append(missing.status()).append(' ').append(new String(missing.body(), StandardCharsets.UTF_8));
		assertGolden("metric.txt", all.toString());
	}

	@Test
	void unknownNamesAreNotRendered() {
		assertThat(new StatuspageJson(BootJson.mapper()).render(demoSnapshot(), "nothing")).isEmpty();
	}

	private static void assertGolden(String fixture, String actual) {
		if (Boolean.getBoolean("golden.record")) {
			try {
				Files.writeString(Path.of(FIXTURES + fixture), actual, StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return;
		}
		try (InputStream in = StatuspageJsonGoldenTests.class.getResourceAsStream("golden/" + fixture)) {
			assertThat(in).as("fixture %s", fixture).isNotNull();
			assertThat(actual).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static PageSettings settings(String domain, ZoneId zone, int majorOutageRate) {
		SiteSettings.Theme theme = new SiteSettings.Theme("#F0F3F4", "#FFFFFF", "#FFFFFF", "40px", "#333333", "#FF6F6F",
				"#3498DB", "#7ED321", "#F7CA18", "#FF8800", "#888888", "#0DCCC0", "#7ED321");
		return new PageSettings("Demo <Status> \"Page\"", domain, "", zone, Locale.ENGLISH, false, 7, 0,
				majorOutageRate, false, false, true, true, true, null, "", "", "", theme);
	}

	private static Instant at(long minutes) {
		return T0.plusSeconds(minutes * 60);
	}

	private static ComponentView component(long id, String name, String description, ComponentStatus status,
			long groupId, long minutes) {
		return new ComponentView(id, name, description, "", status, (int) id, groupId, true, null, Map.of(),
				at(minutes), at(minutes + 90), null);
	}

	private static IncidentUpdateView update(long id, long incidentId, IncidentStatus status, String message,
			long minutes) {
		return new IncidentUpdateView(id, incidentId, status, message, 1L, at(minutes), at(minutes + 1));
	}

	/**
	 * Two groups (one all under maintenance), an ungrouped component, unresolved,
	 * monitored and resolved incidents, and maintenance upcoming, in progress and
	 * completed, in a time zone east of UTC on a domain with a trailing slash.
	 */
	static StatusPageSnapshot demoSnapshot() {
		PageSettings settings = settings("https://status.example.com/", ZoneId.of("Europe/Amsterdam"), 25);
		ComponentEntry api = new ComponentEntry(
				component(1, "API", "The public \"REST\" API — v1 & v2", ComponentStatus.OPERATIONAL, 10, -5000), false,
				null);
		ComponentEntry web = new ComponentEntry(
				component(2, "Website", "", ComponentStatus.PERFORMANCE_ISSUES, 10, -4000), false, null);
		ComponentEntry db = new ComponentEntry(
				component(3, "Database", "  ", ComponentStatus.PARTIAL_OUTAGE, 11, -3000), true, null);
		ComponentEntry mail = new ComponentEntry(
				component(4, "Mail", "Outgoing mail", ComponentStatus.UNKNOWN, 0, -2000), false, null);
		ComponentEntry cdn = new ComponentEntry(component(5, "CDN", "", ComponentStatus.MAJOR_OUTAGE, 0, -1000), false,
				null);
		ComponentEntry stray = new ComponentEntry(component(6, "Stray", "", ComponentStatus.OPERATIONAL, 99, -500),
				false, null);
		GroupSection services = new GroupSection(new ComponentGroupView(10, "Services", 1, 0, 1, at(-6000), at(-100)),
				List.of(api, web), ComponentStatus.PERFORMANCE_ISSUES, true);
		GroupSection storage = new GroupSection(new ComponentGroupView(11, "Storage", 2, 1, 1, at(-6100), at(-200)),
				List.of(db), ComponentStatus.PARTIAL_OUTAGE, false);

		IncidentView investigating = new IncidentView(21, 1L, 2, "Slow <pages>", IncidentStatus.INVESTIGATING, true,
				false, true, "We are **looking** into it.\nSecond line.", at(-60), at(-59), at(-30), null, Map.of(),
				List.of(update(212, 21, IncidentStatus.IDENTIFIED, "Found it", -30),
						update(211, 21, IncidentStatus.INVESTIGATING, "Still looking", -45)),
				List.of(new AffectedComponent(2, ComponentStatus.PERFORMANCE_ISSUES),
						new AffectedComponent(99, ComponentStatus.MAJOR_OUTAGE)));
		IncidentView watching = new IncidentView(22, null, 0, "Mail delays", IncidentStatus.REPORTED, true, true, false,
				"Mail is queued", at(-300), at(-299), at(-100), null, Map.of(),
				List.of(update(222, 22, IncidentStatus.WATCHING, "Watching again", -100),
						update(221, 22, IncidentStatus.WATCHING, "Watching", -200)),
				List.of(new AffectedComponent(4, ComponentStatus.PARTIAL_OUTAGE),
						new AffectedComponent(3, ComponentStatus.MAJOR_OUTAGE)));
		IncidentView noUpdates = new IncidentView(23, 1L, 0, "CDN down", IncidentStatus.IDENTIFIED, true, false, true,
				"", at(-20), at(-20), at(-20), null, Map.of(), List.of(),
				List.of(new AffectedComponent(5, ComponentStatus.MAJOR_OUTAGE)));
		IncidentView resolved = new IncidentView(24, 1L, 0, "Old outage", IncidentStatus.INVESTIGATING, true, false,
				true, "Down", at(-3000), at(-2999), at(-2000), null, Map.of(),
				List.of(update(243, 24, IncidentStatus.FIXED, "Fixed again", -2000),
						update(242, 24, IncidentStatus.FIXED, "Fixed", -2500),
						update(241, 24, IncidentStatus.WATCHING, "Watching", -2800)),
				List.of(new AffectedComponent(1, ComponentStatus.OPERATIONAL)));
		IncidentView reported = new IncidentView(25, 1L, 0, "Reported", IncidentStatus.REPORTED, true, false, true,
				"Something", at(-4000), at(-4000), at(-4000), null, Map.of(), List.of(), List.of());

		MaintenanceEntry upcoming = new MaintenanceEntry(
				new ScheduleView(31, "Database upgrade", "Upgrading to **v17**", ScheduleStatus.UPCOMING, at(600),
						at(720), at(-50), at(-40), null,
						List.of(new ScheduleComponentView(1, 31, 3, 3, at(-50), at(-50)),
								new ScheduleComponentView(2, 31, 77, 3, at(-50), at(-50)))),
				false, List.of("Database"));
		MaintenanceEntry active = new MaintenanceEntry(
				new ScheduleView(32, "Network work", null, ScheduleStatus.IN_PROGRESS, at(-10), null, at(-100), at(-10),
						null, List.of(new ScheduleComponentView(3, 32, 3, 2, at(-100), at(-100)))),
				true, List.of("Database"));
		MaintenanceEntry completed = new MaintenanceEntry(new ScheduleView(33, "Old maintenance", "Done",
				ScheduleStatus.COMPLETE, at(-5000), at(-4900), at(-5100), at(-4900), null, List.of()), false,
				List.of());
		MaintenanceEntry completedWithoutEnd = new MaintenanceEntry(new ScheduleView(34, "Forgotten", "",
				ScheduleStatus.COMPLETE, at(-6000), null, at(-6100), at(-6000), null, List.of()), false, List.of());

		return new StatusPageSnapshot(at(5), settings, new OverallStatus("info", "Some systems", "favicon"),
				List.of(services, storage), List.of(mail, cdn, stray), List.of(watching), List.of(upcoming, active),
				List.of(), new Timeline(List.of(), null, null),
				List.of(noUpdates, investigating, watching, resolved, reported),
				List.of(noUpdates, investigating, watching), List.of(upcoming, active, completed, completedWithoutEnd),
				Map.of());
	}

	private static StatusPageSnapshot stateSnapshot(List<ComponentStatus> statuses, boolean incident,
			boolean maintenance) {
		PageSettings settings = settings("https://status.example.com", ZoneId.of("UTC"), 50);
		List<ComponentEntry> components = new java.util.ArrayList<>();
		for (int i = 0; i < statuses.size(); i++) {
			components.add(new ComponentEntry(component(i + 1, "C" + i, "", statuses.get(i), 0, -10), false, null));
		}
		List<IncidentView> unresolved = incident ? List.of(new IncidentView(1, null, 0, "I", IncidentStatus.IDENTIFIED,
				true, false, true, "", at(-5), at(-5), at(-5), null, Map.of(), List.of(), List.of())) : List.of();
		List<MaintenanceEntry> entries = maintenance ? List.of(new MaintenanceEntry(new ScheduleView(1, "M", null,
				ScheduleStatus.IN_PROGRESS, at(-5), null, at(-6), at(-6), null, List.of()), true, List.of()))
				: List.of();
		return new StatusPageSnapshot(at(0), settings, new OverallStatus("success", "", "favicon"), List.of(),
				components, List.of(), entries, List.of(), new Timeline(List.of(), null, null), unresolved, unresolved,
				entries, Map.of());
	}

}
