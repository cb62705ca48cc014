package io.cachet.cachetimport;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

import io.cachet.component.ComponentService;
import io.cachet.component.ComponentStatus;
import io.cachet.component.CreateComponent;
import io.cachet.component.CreateComponentGroup;
import io.cachet.incident.CreateIncident;
import io.cachet.incident.IncidentService;
import io.cachet.incident.IncidentStatus;
import io.cachet.incident.UpdateIncident;
import io.cachet.metric.MetricService;
import io.cachet.metric.SaveMetric;
import io.cachet.schedule.SaveSchedule;
import io.cachet.schedule.ScheduleService;
import io.cachet.schedule.ScheduleStatus;
import io.cachet.shared.WriteMode;
import io.cachet.subscriber.SubscriberService;

import static io.cachet.cachetimport.CachetJson.decimal;
import static io.cachet.cachetimport.CachetJson.flag;
import static io.cachet.cachetimport.CachetJson.id;
import static io.cachet.cachetimport.CachetJson.integer;
import static io.cachet.cachetimport.CachetJson.text;
import static io.cachet.cachetimport.CachetJson.time;

/**
 * Writes what was read through the feature services, mapping Cachet's ids to the new
 * ones. Everything is checked before it is written: a service that refused a record would
 * spoil the one transaction of the import, so a record that cannot be taken as it is is
 * changed or left out, with a warning.
 */
@Component
class CachetWriter {

	/** A point's counter is replayed as that many recordings; more is not plausible. */
	static final int MAX_COUNTER = 10_000;

	private final ComponentService components;

	private final IncidentService incidents;

	private final ScheduleService schedules;

	private final MetricService metrics;

	private final SubscriberService subscribers;

	private final JsonMapper json;

	CachetWriter(ComponentService components, IncidentService incidents, ScheduleService schedules,
			MetricService metrics, SubscriberService subscribers, JsonMapper json) {
		this.components = components;
		this.incidents = incidents;
		this.schedules = schedules;
		this.metrics = metrics;
		this.subscribers = subscribers;
		this.json = json;
	}

	ImportSummary write(CachetSource source, ImportProgress progress) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		List<String> warnings = new ArrayList<>(source.warnings());
		Map<Long, Long> groupIds = new HashMap<>();
		for (JsonNode group : CachetJson.byId(source.groups())) {
			groupIds
				.put(id(group),
						this.components.createGroup(new CreateComponentGroup(text(group, "name", ""),
								integer(group, "order", 0), Math.max(0, Math.min(4, integer(group, "collapsed", 0))),
								flag(group, "visible", false) ? 1 : 0))
							.id());
		}
		counts.put("component groups", groupIds.size());
		progress.report("Wrote " + groupIds.size() + " component groups");
		Map<Long, Long> componentIds = new HashMap<>();
		for (JsonNode component : CachetJson.byId(source.components())) {
			componentIds.put(id(component), createComponent(component, groupIds, warnings));
		}
		counts.put("components", componentIds.size());
		progress.report("Wrote " + componentIds.size() + " components");
		int updates = 0;
		for (JsonNode incident : CachetJson.byId(source.incidents())) {
			updates += createIncident(incident, source.updates().getOrDefault(id(incident), List.of()), componentIds,
					warnings);
		}
		counts.put("incidents", source.incidents().size());
		counts.put("incident updates", updates);
		progress.report("Wrote " + source.incidents().size() + " incidents");
		int schedules = 0;
		for (JsonNode schedule : CachetJson.byId(source.schedules())) {
			schedules += createSchedule(schedule, componentIds, warnings) ? 1 : 0;
		}
		counts.put("maintenance windows", schedules);
		int points = 0;
		for (JsonNode metric : CachetJson.byId(source.metrics())) {
			points += createMetric(metric, source.points().getOrDefault(id(metric), List.of()), warnings, progress);
		}
		counts.put("metrics", source.metrics().size());
		counts.put("metric points", points);
		int subscribed = 0;
		for (JsonNode subscriber : CachetJson.byId(source.subscribers())) {
			subscribed += subscribe(subscriber, componentIds, warnings) ? 1 : 0;
		}
		counts.put("subscribers", subscribed);
		progress.report("Wrote " + subscribed + " subscribers");
		return new ImportSummary(counts, warnings);
	}

	private long createComponent(JsonNode component, Map<Long, Long> groupIds, List<String> warnings) {
		String name = text(component, "name", "");
		long cachetGroup = CachetJson.number(component.path("group_id"), 0);
		Long group = groupIds.get(cachetGroup);
		if (cachetGroup != 0 && group == null) {
			warnings.add("Component " + name + " was in group " + cachetGroup + ", which Cachet did not list: "
					+ "it is ungrouped.");
		}
		List<String> tags = new ArrayList<>();
		if (component.path("tags").isObject()) {
			component.path("tags").values().forEach((tag) -> tags.add(tag.asString()));
		}
		return this.components
			.createComponent(new CreateComponent(name, text(component, "description"), text(component, "link"),
					componentStatus(integer(component, "status", 0)), integer(component, "order", 0),
					(group != null) ? group : 0, flag(component, "enabled", true), map(component.path("meta")), tags))
			.id();
	}

	private int createIncident(JsonNode incident, List<JsonNode> updates, Map<Long, Long> componentIds,
			List<String> warnings) {
		String name = text(incident, "name", "");
		IncidentStatus status = IncidentStatus.fromCode(integer(incident, "status", 0)).orElse(IncidentStatus.REPORTED);
		long cachetComponent = CachetJson.number(incident.path("component_id"), 0);
		long component = componentIds.getOrDefault(cachetComponent, 0L);
		if (cachetComponent != 0 && component == 0) {
			warnings.add("Incident " + name + " named component " + cachetComponent
					+ ", which Cachet did not list: it names none.");
		}
		Instant occurredAt = Objects.requireNonNullElse(time(incident, "occurred_at"), time(incident, "created_at"));
		Map<String, Object> meta = map(incident.path("meta"));
		long id = this.incidents
			.createIncident(new CreateIncident(name, status, text(incident, "message", ""), component, null, null,
					Map.of(), flag(incident, "visible", true), flag(incident, "stickied", false), false, occurredAt,
					null, List.of(), (meta != null && !meta.isEmpty()) ? meta : null), WriteMode.SILENT)
			.id();
		int written = 0;
		for (JsonNode update : CachetJson.chronological(updates, "created_at")) {
			var updateStatus = IncidentStatus.fromCode(integer(update, "status", 0));
			if (updateStatus.isEmpty()) {
				warnings.add("An update of incident " + name + " had no valid status: left out.");
				continue;
			}
			Instant at = Objects.requireNonNullElse(time(update, "created_at"), occurredAt);
			this.incidents.reportUpdate(id, updateStatus.get(), text(update, "message", ""), null,
					(at != null) ? at : Instant.now(), WriteMode.SILENT);
			written++;
		}
		if (written > 0 && this.incidents.getIncident(id, false).status() != status) {
			this.incidents.updateIncident(id, UpdateIncident.change().withStatus(status).withNotifySubscribers(false));
		}
		return written;
	}

	private boolean createSchedule(JsonNode schedule, Map<Long, Long> componentIds, List<String> warnings) {
		String name = text(schedule, "name", "");
		Instant scheduledAt = time(schedule, "scheduled_at");
		if (scheduledAt == null) {
			warnings.add("Maintenance " + name + " has no start time: left out.");
			return false;
		}
		Instant completedAt = time(schedule, "completed_at");
		if (completedAt != null && completedAt.isBefore(scheduledAt)) {
			warnings.add("Maintenance " + name + " completed before it started: its completion time is left out.");
			completedAt = null;
		}
		Map<Long, Integer> affected = new LinkedHashMap<>();
		for (JsonNode component : schedule.path("components").values()) {
			Long mapped = componentIds.get(CachetJson.number(component.path("component_id"), 0));
			if (mapped != null) {
				affected.put(mapped, Math.max(0, Math.min(4, integer(component, "component_status", 0))));
			}
		}
		ScheduleStatus status = ScheduleStatus.fromCode(integer(schedule, "status", 0)).orElse(ScheduleStatus.UPCOMING);
		this.schedules.createSchedule(
				new SaveSchedule(name, text(schedule, "message"), status, scheduledAt, completedAt, affected), false,
				WriteMode.SILENT);
		return true;
	}

	private int createMetric(JsonNode metric, List<JsonNode> points, List<String> warnings, ImportProgress progress) {
		String name = text(metric, "name", "");
		int threshold = integer(metric, "threshold", 5);
		if (threshold < 1 || 60 % threshold != 0) {
			warnings.add("Metric " + name + " had a threshold of " + threshold + " minutes, which does not divide an "
					+ "hour: it is 5 minutes.");
			threshold = 5;
		}
		BigDecimal defaultValue = Objects.requireNonNullElse(decimal(metric, "default_value"), BigDecimal.ZERO);
		long id = this.metrics
			.createMetric(new SaveMetric(name, text(metric, "suffix", ""), text(metric, "description"), defaultValue,
					integer(metric, "calc_type", 0), flag(metric, "display_chart", true),
					Math.max(0, Math.min(4, integer(metric, "places", 2))),
					Math.max(0, Math.min(3, integer(metric, "default_view", 1))), threshold,
					integer(metric, "order", 0), Math.max(0, Math.min(2, integer(metric, "visible", 1)))))
			.id();
		int written = 0;
		for (JsonNode point : CachetJson.chronological(points, "created_at")) {
			BigDecimal value = decimal(point, "value");
			Instant at = time(point, "created_at");
			if (value == null || at == null) {
				warnings.add("A point of metric " + name + " had no value or time: left out.");
				continue;
			}
			int counter = Math.max(1, Math.min(MAX_COUNTER, integer(point, "counter", 1)));
			for (int i = 0; i < counter; i++) {
				this.metrics.addPoint(id, value, at);
			}
			written++;
			if (written % 500 == 0) {
				progress.report("Wrote " + written + " points of metric " + name);
			}
		}
		return written;
	}

	private boolean subscribe(JsonNode subscriber, Map<Long, Long> componentIds, List<String> warnings) {
		String email = text(subscriber, "email");
		if (email == null || email.isBlank() || !email.contains("@")) {
			warnings.add("Subscriber " + id(subscriber) + " has no e-mail address (phone or Slack only): left out.");
			return false;
		}
		List<Long> chosen = null;
		if (!flag(subscriber, "global", false)) {
			chosen = new ArrayList<>();
			for (JsonNode subscription : subscriber.path("subscriptions").values()) {
				Long mapped = componentIds.get(CachetJson.number(subscription.path("component_id"), 0));
				if (mapped != null && !chosen.contains(mapped)) {
					chosen.add(mapped);
				}
			}
		}
		this.subscribers.subscribe(email, text(subscriber, "verified_at") != null, chosen, null, WriteMode.SILENT);
		return true;
	}

	private @Nullable Map<String, Object> map(JsonNode node) {
		if (!node.isObject()) {
			return null;
		}
		Map<String, Object> map = new LinkedHashMap<>();
		node.properties()
			.forEach((entry) -> map.put(entry.getKey(), this.json.treeToValue(entry.getValue(), Object.class)));
		return map;
	}

	private static ComponentStatus componentStatus(int code) {
		return ComponentStatus.fromCode(code).orElse(ComponentStatus.UNKNOWN);
	}

}
