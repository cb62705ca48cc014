package io.cachet.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cachet.component.ComponentService;
import io.cachet.component.ComponentStatus;
import io.cachet.component.ComponentUptimeService;
import io.cachet.component.CreateComponent;
import io.cachet.component.CreateComponentGroup;
import io.cachet.incident.AffectedComponent;
import io.cachet.incident.CreateIncident;
import io.cachet.incident.IncidentService;
import io.cachet.incident.IncidentStatus;
import io.cachet.metric.MetricService;
import io.cachet.metric.SaveMetric;
import io.cachet.schedule.SaveSchedule;
import io.cachet.schedule.ScheduleService;
import io.cachet.schedule.ScheduleStatus;
import io.cachet.settings.SettingsService;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Seeds a demo page when {@code CACHET_DEMO=true} and there is no component yet, with one
 * of every kind of thing the product shows: groups, components in every status with 90
 * days of history, metrics of every view and calculation (one for logged-in users only),
 * incidents affecting one and several components with updates in every status (a sticky
 * one, a hidden one), maintenance upcoming, in progress and complete, the team and
 * subscribers ({@link DemoTeam}), webhooks with deliveries, monitors of every type and
 * followed pages ({@link DemoIntegrations}). It goes through the services, as a team
 * would through the API, so the demo shows exactly what real data looks like; the crawl
 * test walks every page of it. A database that has components is never touched.
 */
@Component
@ConditionalOnBooleanProperty("cachet.demo")
class DemoDataSeeder {

	private static final Logger logger = LoggerFactory.getLogger(DemoDataSeeder.class);

	private final ComponentService components;

	private final ComponentUptimeService uptime;

	private final IncidentService incidents;

	private final MetricService metrics;

	private final ScheduleService schedules;

	private final SettingsService settings;

	private final DemoTeam team;

	private final DemoIntegrations integrations;

	private final Clock clock;

	DemoDataSeeder(ComponentService components, ComponentUptimeService uptime, IncidentService incidents,
			MetricService metrics, ScheduleService schedules, SettingsService settings, DemoTeam team,
			DemoIntegrations integrations, Clock clock) {
		this.components = components;
		this.uptime = uptime;
		this.incidents = incidents;
		this.metrics = metrics;
		this.schedules = schedules;
		this.settings = settings;
		this.team = team;
		this.integrations = integrations;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void seedIfEmpty() {
		if (!this.components.findAllComponentIds().isEmpty()) {
			logger.info("Demo mode: the database already has components, nothing seeded");
			return;
		}
		seed();
		logger.info("Demo mode: seeded a demo status page");
	}

	void seed() {
		Instant now = this.clock.instant();
		if (this.settings.get("app_name").isEmpty()) {
			this.settings.set("app_name", "Acme Cloud Status");
		}
		this.settings.set("app_about", "Welcome to the **demo** of Cachet for the JVM. This page shows the live "
				+ "status of Acme Cloud's services; [subscribe](/subscribe) to hear about incidents.");
		this.settings.set("show_timezone", "1");
		this.settings.set("enable_subscribers", "1");
		this.team.seedUsers();
		// before the incidents, so that they have deliveries to show
		this.integrations.seedWebhooks();

		long platform = group("Platform", 0, 0);
		long websites = group("Websites", 1, 2);
		long payments = group("Payments", 2, 1);
		long api = component("API", "The public REST API", ComponentStatus.OPERATIONAL, platform, 0);
		long database = component("Database", "Primary PostgreSQL cluster", ComponentStatus.OPERATIONAL, platform, 1);
		long cdn = component("CDN", "Static assets and images", ComponentStatus.PERFORMANCE_ISSUES, platform, 2);
		long marketing = component("Marketing site", "www.acme.test", ComponentStatus.OPERATIONAL, websites, 0);
		long docs = component("Documentation", "docs.acme.test", ComponentStatus.OPERATIONAL, websites, 1);
		long checkout = component("Checkout", "Card payments", ComponentStatus.PARTIAL_OUTAGE, payments, 0);
		component("Invoicing", "PDF invoices and e-mails", ComponentStatus.OPERATIONAL, payments, 1);
		long legacy = component("Legacy FTP", "Retired next quarter", ComponentStatus.MAJOR_OUTAGE, 0, 0);
		component("Status webhooks", "Outbound notifications", ComponentStatus.UNKNOWN, 0, 1);

		history(now, api, Map.of(12, Duration.ofHours(2), 40, Duration.ofMinutes(35)), ComponentStatus.PARTIAL_OUTAGE);
		history(now, database, Map.of(25, Duration.ofHours(5)), ComponentStatus.MAJOR_OUTAGE);
		history(now, checkout, Map.of(3, Duration.ofHours(1), 61, Duration.ofHours(3)), ComponentStatus.MAJOR_OUTAGE);
		history(now, cdn, Map.of(8, Duration.ofHours(6)), ComponentStatus.PERFORMANCE_ISSUES);
		history(now, legacy, Map.of(70, Duration.ofHours(12)), ComponentStatus.MAJOR_OUTAGE);
		this.team.seedSubscribers(List.of(checkout, api));
		this.team.seedTemplates();

		long responseTime = metric("API response time", "ms", 1, 0, 1, now, 180, 60);
		metric("Error rate", "%", 1, 1, 1, now, 1, 3);
		metric("Checkout conversions", "", 0, 2, 1, now, 12, 8);
		metric("Orders", "", 0, 3, 1, now, 40, 30);
		metric("Queue depth (staff only)", "", 1, 0, 0, now, 5, 20);

		incidents(now, api, database, cdn, marketing, checkout);
		schedules(now, api, database, docs);
		this.integrations.seedMonitors(api, legacy, responseTime);
		this.integrations.seedUpstreams();
	}

	private void incidents(Instant now, long api, long database, long cdn, long marketing, long checkout) {
		incident("Checkout errors for some cards", now.minus(Duration.ofMinutes(50)), false, true,
				List.of(new AffectedComponent(checkout, ComponentStatus.PARTIAL_OUTAGE)),
				"Some card payments fail with a timeout. We are looking into it.",
				update(IncidentStatus.INVESTIGATING, 10, "Only cards of some banks fail; still investigating."),
				update(IncidentStatus.IDENTIFIED, 20,
						"The payment provider confirmed a problem on their side; retries are in place."));
		incident("Slow image loading", now.minus(Duration.ofHours(5)), true, true,
				List.of(new AffectedComponent(cdn, ComponentStatus.PERFORMANCE_ISSUES),
						new AffectedComponent(marketing, ComponentStatus.PERFORMANCE_ISSUES)),
				"Images load slowly in Europe, on the marketing site too.",
				update(IncidentStatus.IDENTIFIED, 40, "A faulty edge node was identified."),
				update(IncidentStatus.WATCHING, 90, "Traffic moved away from it; watching."));
		incident("Backup job failed (staff only)", now.minus(Duration.ofHours(2)), false, false, List.of(),
				"Last night's backup did not finish. Not visible to the public.",
				update(IncidentStatus.IDENTIFIED, 30, "The backup volume was full; space added, job re-run."));
		// Affected components of past incidents get the status they have now: a
		// resolved incident must not change what the page shows today.
		incident("Database failover", now.minus(Duration.ofDays(25)), false, true,
				List.of(new AffectedComponent(database, ComponentStatus.OPERATIONAL),
						new AffectedComponent(api, ComponentStatus.OPERATIONAL)),
				"The primary database became unreachable; the API answers errors.",
				update(IncidentStatus.IDENTIFIED, 15, "The primary's disk failed."),
				update(IncidentStatus.WATCHING, 40, "Failover to the replica completed."),
				update(IncidentStatus.FIXED, 300, "All services recovered. A post-mortem will follow."));
		incident("Elevated API errors", now.minus(Duration.ofDays(12)), false, true, List.of(),
				"A share of API calls return 502.",
				update(IncidentStatus.FIXED, 120, "A bad deploy was rolled back; errors are gone."));
		incident("Checkout unavailable", now.minus(Duration.ofDays(3)), false, true, List.of(),
				"Checkout is down for all customers.",
				update(IncidentStatus.FIXED, 60, "Fixed: an expired certificate was renewed."));
		incident("Delayed invoice e-mails", now.minus(Duration.ofDays(6)), false, true, List.of(),
				"Invoice e-mails are delayed by up to an hour.",
				update(IncidentStatus.FIXED, 70, "The mail queue drained; all sent."));
	}

	private void schedules(Instant now, long api, long database, long docs) {
		this.schedules.createSchedule(new SaveSchedule("Database upgrade to PostgreSQL 18",
				"The API may be read-only for up to 10 minutes.", ScheduleStatus.UPCOMING, now.plus(Duration.ofDays(2)),
				now.plus(Duration.ofDays(2)).plus(Duration.ofHours(1)), Map.of(database,
						ComponentStatus.PERFORMANCE_ISSUES.code(), api, ComponentStatus.PERFORMANCE_ISSUES.code())));
		this.schedules.createSchedule(
				new SaveSchedule("Search index rebuild", "Search in the documentation may miss recent pages.",
						ScheduleStatus.IN_PROGRESS, now.minus(Duration.ofMinutes(30)), now.plus(Duration.ofMinutes(90)),
						Map.of(docs, ComponentStatus.PERFORMANCE_ISSUES.code())));
		this.schedules
			.createSchedule(new SaveSchedule("Network maintenance", "Done without downtime.", ScheduleStatus.COMPLETE,
					now.minus(Duration.ofDays(7)), now.minus(Duration.ofDays(7)).plusSeconds(3600), Map.of()));
	}

	private long group(String name, int order, int collapsed) {
		return this.components.createGroup(new CreateComponentGroup(name, order, collapsed, 1)).id();
	}

	private long component(String name, String description, ComponentStatus status, long group, int order) {
		return this.components
			.createComponent(new CreateComponent(name, description, "", status, order, group, true, null, List.of()))
			.id();
	}

	/**
	 * Backdates a component's history: operational from 90 days ago, with the given
	 * outages (days ago to length), then its current status from now.
	 */
	private void history(Instant now, long component, Map<Integer, Duration> outages, ComponentStatus outage) {
		this.uptime.recordHistoricalStatus(component, ComponentStatus.OPERATIONAL, now.minus(Duration.ofDays(90)));
		outages.forEach((daysAgo, length) -> {
			Instant start = now.minus(Duration.ofDays(daysAgo));
			this.uptime.recordHistoricalStatus(component, outage, start);
			this.uptime.recordHistoricalStatus(component, ComponentStatus.OPERATIONAL, start.plus(length));
		});
	}

	/**
	 * A month of points: one an hour, and one a minute over the last hour.
	 * @param visible 0 logged-in users only, 1 public
	 */
	private long metric(String name, String suffix, int calcType, int defaultView, int visible, Instant now, int base,
			int spread) {
		long id = this.metrics
			.createMetric(new SaveMetric(name, suffix, null, BigDecimal.ZERO, calcType, true, 0, defaultView, null,
					null, visible))
			.id();
		Random random = new Random(name.hashCode());
		for (int hour = 30 * 24; hour > 1; hour--) {
			this.metrics.addPoint(id, BigDecimal.valueOf(base + random.nextInt(spread)),
					now.minus(Duration.ofHours(hour)));
		}
		for (int minute = 60; minute >= 0; minute--) {
			this.metrics.addPoint(id, BigDecimal.valueOf(base + random.nextInt(spread)),
					now.minus(Duration.ofMinutes(minute)));
		}
		return id;
	}

	private static DemoUpdate update(IncidentStatus status, int minutesLater, String message) {
		return new DemoUpdate(status, message, Duration.ofMinutes(minutesLater));
	}

	/**
	 * An incident opened as investigating, then the given updates, each written its
	 * minutes after the start.
	 */
	private void incident(String name, Instant occurredAt, boolean stickied, boolean visible,
			List<AffectedComponent> affected, String message, DemoUpdate... updates) {
		long id = this.incidents
			.createIncident(new CreateIncident(name, IncidentStatus.INVESTIGATING, message, 0, null, null, Map.of(),
					visible, stickied, true, occurredAt, null, affected, null))
			.id();
		for (DemoUpdate update : updates) {
			this.incidents.reportUpdate(id, update.status(), update.message(), null, occurredAt.plus(update.after()));
		}
	}

}
