package io.cachet.statuspage;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import io.cachet.component.ComponentStatus;
import io.cachet.incident.IncidentStatus;

/**
 * The documents of the Statuspage public JSON ({@code /api/v2/*.json}) as records, in the
 * field order Statuspage writes them; names are snake_case, absent values are written as
 * {@code null}, and times are strings in the page's time zone
 * ({@code 2026-11-20T09:15:30.123+01:00}, see {@link StatuspageJson}).
 */
final class StatuspageV2 {

	private StatuspageV2() {
	}

	/**
	 * One document: the page and the parts its name asks for (the parts it does not have
	 * are left out, not written as {@code null}).
	 */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Document(Page page, @Nullable List<ComponentRow> components, @Nullable List<Incident> incidents,
			@Nullable List<Maintenance> scheduledMaintenances, @Nullable Status status) {

		static Document of(Page page) {
			return new Document(page, null, null, null, null);
		}

		Document withComponents(List<ComponentRow> components) {
			return new Document(this.page, components, this.incidents, this.scheduledMaintenances, this.status);
		}

		Document withIncidents(List<Incident> incidents) {
			return new Document(this.page, this.components, incidents, this.scheduledMaintenances, this.status);
		}

		Document withMaintenance(List<Maintenance> maintenance) {
			return new Document(this.page, this.components, this.incidents, maintenance, this.status);
		}

		Document withStatus(Status status) {
			return new Document(this.page, this.components, this.incidents, this.scheduledMaintenances, status);
		}

	}

	/**
	 * @param id a stable 12-character id from the page's domain
	 * @param url the page's domain as configured
	 */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record Page(String id, String name, String url, String timeZone, String updatedAt) {
	}

	record Status(Indicator indicator, String description) {
	}

	/**
	 * The overall indicator of {@code status.json}.
	 */
	enum Indicator {

		NONE("none"), MINOR("minor"), MAJOR("major"), CRITICAL("critical"), MAINTENANCE("maintenance");

		private final String value;

		Indicator(String value) {
			this.value = value;
		}

		@JsonValue
		String value() {
			return this.value;
		}

	}

	/**
	 * A row of {@code components}: a {@link Group} or a {@link Component}.
	 */
	sealed interface ComponentRow permits Group, Component {

	}

	/**
	 * A group, listed before the components.
	 *
	 * @param id {@code g} and the group's id, so that it never collides with a
	 * component's
	 * @param components the ids of its components
	 */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record Group(String id, String name, ComponentState status, String createdAt, String updatedAt, int position,
			@Nullable String description, boolean showcase, @Nullable String startDate, @Nullable String groupId,
			String pageId, boolean group, boolean onlyShowIfDegraded, List<String> components) implements ComponentRow {

		Group(String id, String name, ComponentState status, String createdAt, String updatedAt, int position,
				String pageId, List<String> components) {
			this(id, name, status, createdAt, updatedAt, position, null, false, null, null, pageId, true, false,
					components);
		}

	}

	/**
	 * @param position its place in the list, or 0 where it is listed under an incident
	 * @param startDate the day it was created ({@code yyyy-MM-dd})
	 * @param groupId the {@link Group#id()} of its group, or {@code null}
	 */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record Component(String id, String name, ComponentState status, String createdAt, String updatedAt, int position,
			@Nullable String description, boolean showcase, String startDate, @Nullable String groupId, String pageId,
			boolean group, boolean onlyShowIfDegraded) implements ComponentRow {

		Component(String id, String name, ComponentState status, String createdAt, String updatedAt, int position,
				@Nullable String description, String startDate, @Nullable String groupId, String pageId) {
			this(id, name, status, createdAt, updatedAt, position, description, true, startDate, groupId, pageId, false,
					false);
		}

	}

	/**
	 * A component's status; Statuspage has no unknown, so Cachet's 0 shows as
	 * operational.
	 */
	enum ComponentState {

		OPERATIONAL("operational"), DEGRADED_PERFORMANCE("degraded_performance"), PARTIAL_OUTAGE("partial_outage"),
		MAJOR_OUTAGE("major_outage"), UNDER_MAINTENANCE("under_maintenance");

		private final String value;

		ComponentState(String value) {
			this.value = value;
		}

		static ComponentState of(ComponentStatus status) {
			return switch (status) {
				case PERFORMANCE_ISSUES -> DEGRADED_PERFORMANCE;
				case PARTIAL_OUTAGE -> PARTIAL_OUTAGE;
				case MAJOR_OUTAGE -> MAJOR_OUTAGE;
				case UNKNOWN, OPERATIONAL -> OPERATIONAL;
			};
		}

		@JsonValue
		String value() {
			return this.value;
		}

	}

	/**
	 * @param monitoringAt when it was first watched, or {@code null}
	 * @param resolvedAt when it was first fixed, if it is fixed now
	 * @param incidentUpdates its updates, latest first, and its own message last
	 */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record Incident(String id, String name, IncidentState status, Impact impact, String createdAt, String updatedAt,
			String startedAt, @Nullable String monitoringAt, @Nullable String resolvedAt, String shortlink,
			String pageId, List<Update> incidentUpdates, List<Component> components) {
	}

	/**
	 * @param id {@code m} and the schedule's id
	 * @param scheduledUntil its planned or actual end, or {@code null}
	 */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record Maintenance(String id, String name, MaintenanceState status, Impact impact, String createdAt,
			String updatedAt, String startedAt, @Nullable String monitoringAt, @Nullable String resolvedAt,
			String shortlink, String pageId, String scheduledFor, @Nullable String scheduledUntil,
			List<Update> incidentUpdates, List<Component> components) {
	}

	/**
	 * An entry of {@code incident_updates}; the Twitter and notification fields are
	 * Statuspage's, always the same here.
	 */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record Update(String id, String incidentId, UpdateState status, String body, String createdAt, String updatedAt,
			String displayAt, @Nullable Object affectedComponents, boolean deliverNotifications,
			@Nullable String customTweet, @Nullable String tweetId) {

		Update(String id, String incidentId, UpdateState status, String body, String createdAt, String updatedAt) {
			this(id, incidentId, status, body, createdAt, updatedAt, createdAt, null, true, null, null);
		}

	}

	/**
	 * The status an update reports: an incident's or a maintenance's.
	 */
	sealed interface UpdateState permits IncidentState, MaintenanceState {

	}

	/**
	 * An incident's status: Cachet's 0 (reported) and 1 are investigating.
	 */
	enum IncidentState implements UpdateState {

		INVESTIGATING("investigating"), IDENTIFIED("identified"), MONITORING("monitoring"), RESOLVED("resolved");

		private final String value;

		IncidentState(String value) {
			this.value = value;
		}

		static IncidentState of(IncidentStatus status) {
			return switch (status) {
				case IDENTIFIED -> IDENTIFIED;
				case WATCHING -> MONITORING;
				case FIXED -> RESOLVED;
				case REPORTED, INVESTIGATING -> INVESTIGATING;
			};
		}

		@JsonValue
		String value() {
			return this.value;
		}

	}

	enum MaintenanceState implements UpdateState {

		SCHEDULED("scheduled"), IN_PROGRESS("in_progress"), COMPLETED("completed");

		private final String value;

		MaintenanceState(String value) {
			this.value = value;
		}

		@JsonValue
		String value() {
			return this.value;
		}

	}

	/**
	 * An incident's impact, from the worst status it gave a component; maintenance is
	 * always {@link #MAINTENANCE}.
	 */
	enum Impact {

		NONE("none"), MINOR("minor"), MAJOR("major"), CRITICAL("critical"), MAINTENANCE("maintenance");

		private final String value;

		Impact(String value) {
			this.value = value;
		}

		static Impact of(ComponentStatus worst) {
			return switch (worst) {
				case MAJOR_OUTAGE -> CRITICAL;
				case PARTIAL_OUTAGE -> MAJOR;
				case PERFORMANCE_ISSUES -> MINOR;
				case UNKNOWN, OPERATIONAL -> NONE;
			};
		}

		@JsonValue
		String value() {
			return this.value;
		}

	}

}
