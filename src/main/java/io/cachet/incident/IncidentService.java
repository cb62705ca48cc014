package io.cachet.incident;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.cachet.audit.AuditAction;
import io.cachet.audit.AuditSubject;
import io.cachet.audit.RecordChanged;
import io.cachet.component.ComponentService;
import io.cachet.component.StatusChangeSource;
import io.cachet.incident.internal.IncidentRepository;
import io.cachet.incident.internal.TemplateRenderer;
import io.cachet.shared.InvalidInputException;
import io.cachet.shared.ListQuery;
import io.cachet.shared.WriteMode;
import io.cachet.shared.PageResult;

/**
 * Incidents and their updates. Opening or changing an incident sets the status of the
 * components it affects (silently: the incident notifies on its own).
 *
 * <p>
 * The methods that render a template ({@link IncidentTemplateService}) are not
 * {@code @Transactional}: they render first, with no connection held (a template may take
 * up to a second, see {@link TemplateRenderer}), and only then write in a transaction of
 * their own.
 */
@Service
public class IncidentService {

	private final IncidentRepository incidents;

	private final IncidentTemplateService templates;

	private final ComponentService components;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate transaction;

	IncidentService(IncidentRepository incidents, IncidentTemplateService templates, ComponentService components,
			ApplicationEventPublisher events, Clock clock, TransactionTemplate transaction) {
		this.incidents = incidents;
		this.templates = templates;
		this.components = components;
		this.events = events;
		this.clock = clock;
		this.transaction = transaction;
	}

	/**
	 * @param guest only visible incidents when {@code true}
	 */
	@Transactional(readOnly = true)
	public PageResult<IncidentView> findIncidents(ListQuery query, boolean guest) {
		return this.incidents.page(query, guest);
	}

	/**
	 * For callers inside a transaction of their own that carry on without the incident:
	 * an exception out of {@link #getIncident} would mark that transaction rollback-only
	 * even when caught.
	 * @return the incident, or empty for an unknown or deleted one
	 */
	@Transactional(readOnly = true)
	public Optional<IncidentView> findIncident(long id) {
		return this.incidents.findById(id);
	}

	/**
	 * @throws IncidentNotFoundException for an unknown or deleted incident, or a hidden
	 * one to a guest
	 */
	@Transactional(readOnly = true)
	public IncidentView getIncident(long id, boolean guest) {
		return this.incidents.findById(id)
			.filter((incident) -> !guest || incident.visible())
			.orElseThrow(() -> IncidentNotFoundException.forId(id));
	}

	/**
	 * @return incidents that occurred in {@code [from, to)}, latest first
	 */
	@Transactional(readOnly = true)
	public List<IncidentView> findOccurredBetween(Instant from, Instant to, boolean guest) {
		return this.incidents.findOccurredBetween(from, to, guest);
	}

	/**
	 * @return incidents not fixed yet (by their latest update), latest first
	 */
	@Transactional(readOnly = true)
	public List<IncidentView> findUnresolved(boolean guest) {
		return this.incidents.findUnresolved(guest);
	}

	/**
	 * @return when each incident occurred, latest first (the timeline's "only disrupted
	 * days" paging)
	 */
	@Transactional(readOnly = true)
	public List<Instant> findOccurrenceTimes(boolean guest) {
		return this.incidents.findOccurrenceTimes(guest);
	}

	/**
	 * @return whether an incident occurred before this instant: whether a timeline has
	 * older pages
	 */
	@Transactional(readOnly = true)
	public boolean hasOccurredBefore(Instant before, boolean guest) {
		return this.incidents.hasOccurredBefore(before, guest);
	}

	/**
	 * @return the number of incidents not fixed yet (by their latest update)
	 */
	@Transactional(readOnly = true)
	public long countUnresolved(boolean guest) {
		return this.incidents.countUnresolved(guest);
	}

	/**
	 * Opens an incident, renders its template if one is named, and sets the status of the
	 * components it affects. The template is rendered before the transaction opens, so a
	 * render (which may take up to a second) holds no database connection, and a refused
	 * render writes nothing.
	 * @throws InvalidInputException for an unknown template or component, or a broken
	 * template
	 */
	public IncidentView createIncident(CreateIncident command) {
		return createIncident(command, WriteMode.NOTIFYING);
	}

	/**
	 * Opens an incident as {@link #createIncident(CreateIncident)} does.
	 * @param mode {@link WriteMode#SILENT} for one that must reach nobody (an import)
	 */
	public IncidentView createIncident(CreateIncident command, WriteMode mode) {
		Instant now = now();
		Instant occurredAt = (command.occurredAt() != null) ? command.occurredAt() : now;
		String message = (command.templateSlug() != null)
				? this.templates.render(command.templateSlug(), command.vars(),
						this.templates.templateIncident(command.name(), command.status(), command.message(),
								command.visible(), command.notifySubscribers(), command.stickied(), occurredAt,
								command.componentId(), command.componentStatus()))
				: Objects.requireNonNullElse(command.message(), "");
		return inTransaction(() -> insertIncident(command, message, occurredAt, now, mode));
	}

	private IncidentView insertIncident(CreateIncident command, String message, Instant occurredAt, Instant now,
			WriteMode mode) {
		List<AffectedComponent> affected = affected(command.componentId(), command.componentStatus(),
				command.components());
		long componentId = (command.componentId() != 0) ? command.componentId()
				: affected.isEmpty() ? 0 : affected.get(0).componentId();
		IncidentView draft = new IncidentView(0, command.userId(), componentId, command.name(), command.status(),
				command.visible(), command.stickied(), command.notifySubscribers(), message, occurredAt, now, now, null,
				Map.of(), List.of(), List.of());
		long id = this.incidents.insert(draft);
		this.incidents.replaceComponents(id, affected, now);
		if (command.meta() != null) {
			this.incidents.replaceMeta(id, command.meta(), now);
		}
		affected.forEach((component) -> this.components.changeStatus(component.componentId(), component.status(), true,
				StatusChangeSource.INCIDENT));
		this.events.publishEvent(new RecordChanged(AuditSubject.INCIDENT, id, AuditAction.CREATED,
				"Reported incident " + command.name()));
		this.events.publishEvent(new IncidentReported(id, command.name(), command.status(), command.visible(),
				command.notifySubscribers(), affected.stream().map(AffectedComponent::componentId).toList(),
				mode.silent()));
		return getIncident(id, false);
	}

	/**
	 * Changes the given fields of an incident. A template is rendered before the
	 * transaction opens (see {@link #createIncident}), for the incident as it is then.
	 * @throws IncidentNotFoundException for an unknown or deleted incident
	 * @throws InvalidInputException for an unknown template or component, or a broken
	 * template
	 */
	public IncidentView updateIncident(long id, UpdateIncident command) {
		String rendered = null;
		if (command.templateSlug() != null) {
			Changed before = Changed.of(getIncident(id, false), command);
			rendered = this.templates.render(command.templateSlug(), command.vars(),
					this.templates.templateIncident(before.name(), before.status(),
							Objects.requireNonNullElse(command.message(), before.current().message()), before.visible(),
							before.notifySubscribers(), before.stickied(), before.occurredAt(), before.componentId(),
							command.componentStatus()));
		}
		String message = rendered;
		return inTransaction(() -> changeIncident(Changed.of(getIncident(id, false), command), command, message));
	}

	private IncidentView changeIncident(Changed changed, UpdateIncident command, @Nullable String rendered) {
		IncidentView current = changed.current();
		long id = current.id();
		Instant now = now();
		List<AffectedComponent> affected = (command.components() != null || command.componentStatus() != null)
				? affected(changed.componentId(), command.componentStatus(),
						Objects.requireNonNullElse(command.components(), List.of()))
				: null;
		String message = (rendered != null) ? rendered
				: Objects.requireNonNullElse(command.message(), current.message());
		this.incidents
			.update(new IncidentView(id, current.userId(), changed.componentId(), changed.name(), changed.status(),
					changed.visible(), changed.stickied(), changed.notifySubscribers(), message, changed.occurredAt(),
					current.createdAt(), now, null, current.meta(), current.updates(), current.components()));
		if (affected != null) {
			List<AffectedComponent> merged = merge(current.components(), affected);
			this.incidents.replaceComponents(id, merged, now);
			affected.forEach((component) -> this.components.changeStatus(component.componentId(), component.status(),
					true, StatusChangeSource.INCIDENT));
		}
		if (command.meta() != null) {
			this.incidents.replaceMeta(id, command.meta(), now);
		}
		this.events.publishEvent(new RecordChanged(AuditSubject.INCIDENT, id, AuditAction.UPDATED,
				"Updated incident " + changed.name()));
		return getIncident(id, false);
	}

	/**
	 * An incident's fields after an update: the command's where given, else the current
	 * ones.
	 */
	private record Changed(IncidentView current, String name, IncidentStatus status, boolean visible, boolean stickied,
			boolean notifySubscribers, Instant occurredAt, long componentId) {

		static Changed of(IncidentView current, UpdateIncident command) {
			return new Changed(current, Objects.requireNonNullElse(command.name(), current.name()),
					Objects.requireNonNullElse(command.status(), current.status()),
					Objects.requireNonNullElse(command.visible(), current.visible()),
					Objects.requireNonNullElse(command.stickied(), current.stickied()),
					Objects.requireNonNullElse(command.notifySubscribers(), current.notifications()),
					Objects.requireNonNullElse(command.occurredAt(), current.occurredAt()),
					Objects.requireNonNullElse(command.componentId(), current.componentId()));
		}

	}

	/**
	 * Deletes an incident (softly).
	 * @throws IncidentNotFoundException for an unknown or deleted incident
	 */
	@Transactional
	public void deleteIncident(long id) {
		IncidentView current = getIncident(id, false);
		this.incidents.softDelete(id, now());
		this.events.publishEvent(new RecordChanged(AuditSubject.INCIDENT, id, AuditAction.DELETED,
				"Deleted incident " + current.name()));
	}

	/**
	 * @return the updates of an incident, newest first unless sorted otherwise
	 * @throws IncidentNotFoundException for an unknown incident, or a hidden one to a
	 * guest
	 */
	@Transactional(readOnly = true)
	public PageResult<IncidentUpdateView> findUpdates(long incidentId, ListQuery query, boolean guest) {
		getIncident(incidentId, guest);
		return this.incidents.pageUpdates(incidentId, query);
	}

	/**
	 * @throws IncidentNotFoundException for an unknown incident or update
	 */
	@Transactional(readOnly = true)
	public IncidentUpdateView getUpdate(long incidentId, long updateId, boolean guest) {
		return getIncident(incidentId, guest).updates()
			.stream()
			.filter((update) -> update.id() == updateId)
			.findFirst()
			.orElseThrow(() -> IncidentNotFoundException.forUpdate(incidentId, updateId));
	}

	/**
	 * Posts an update; the incident takes its status.
	 * @throws IncidentNotFoundException for an unknown incident
	 */
	@Transactional
	public IncidentUpdateView reportUpdate(long incidentId, IncidentStatus status, String message,
			@Nullable Long userId) {
		return reportUpdate(incidentId, status, message, userId, now());
	}

	/**
	 * Posts an update written at another time (an import of another page's history); the
	 * incident takes its status.
	 * @param at when the update was written
	 * @throws IncidentNotFoundException for an unknown incident
	 */
	@Transactional
	public IncidentUpdateView reportUpdate(long incidentId, IncidentStatus status, String message,
			@Nullable Long userId, Instant at) {
		return reportUpdate(incidentId, status, message, userId, at, WriteMode.NOTIFYING);
	}

	/**
	 * Posts an update written at another time, as
	 * {@link #reportUpdate(long, IncidentStatus, String, Long, Instant)} does.
	 * @param mode {@link WriteMode#SILENT} for one that must reach nobody (an import)
	 */
	@Transactional
	public IncidentUpdateView reportUpdate(long incidentId, IncidentStatus status, String message,
			@Nullable Long userId, Instant at, WriteMode mode) {
		IncidentView incident = getIncident(incidentId, false);
		long updateId = this.incidents.insertUpdate(incidentId, status, message, userId, at);
		this.incidents.updateStatus(incidentId, status, at);
		this.events.publishEvent(new RecordChanged(AuditSubject.INCIDENT_UPDATE, updateId, AuditAction.CREATED,
				"Posted a " + status.label().toLowerCase() + " update on incident " + incident.name()));
		this.events
			.publishEvent(new IncidentUpdateReported(incidentId, updateId, status, incident.visible(), mode.silent()));
		return getUpdate(incidentId, updateId, false);
	}

	/**
	 * Changes an update's status and/or message ({@code null} leaves it).
	 * @throws IncidentNotFoundException for an unknown incident or update
	 */
	@Transactional
	public IncidentUpdateView changeUpdate(long incidentId, long updateId, @Nullable IncidentStatus status,
			@Nullable String message) {
		IncidentUpdateView current = getUpdate(incidentId, updateId, false);
		this.incidents.updateUpdate(updateId, Objects.requireNonNullElse(status, current.status()),
				Objects.requireNonNullElse(message, current.message()), now());
		this.events.publishEvent(new RecordChanged(AuditSubject.INCIDENT_UPDATE, updateId, AuditAction.UPDATED,
				"Edited an update of incident " + incidentId));
		return getUpdate(incidentId, updateId, false);
	}

	/**
	 * @throws IncidentNotFoundException for an unknown incident or update
	 */
	@Transactional
	public void deleteUpdate(long incidentId, long updateId) {
		getUpdate(incidentId, updateId, false);
		this.incidents.deleteUpdate(updateId);
		this.events.publishEvent(new RecordChanged(AuditSubject.INCIDENT_UPDATE, updateId, AuditAction.DELETED,
				"Deleted an update of incident " + incidentId));
	}

	/**
	 * Joins the caller's transaction if there is one. The templates are checked and
	 * rendered before this, never inside it.
	 */
	private <T> T inTransaction(Supplier<T> work) {
		return Objects.requireNonNull(this.transaction.execute((status) -> work.get()));
	}

	/**
	 * Cachet's single component is used when it exists and is ignored otherwise; the
	 * components of the multi-component field must all exist.
	 */
	private List<AffectedComponent> affected(long componentId, io.cachet.component.@Nullable ComponentStatus status,
			List<AffectedComponent> components) {
		List<AffectedComponent> affected = new ArrayList<>();
		if (componentId != 0 && status != null && this.components.findComponent(componentId).isPresent()) {
			affected.add(new AffectedComponent(componentId, status));
		}
		for (AffectedComponent component : components) {
			if (this.components.findComponent(component.componentId()).isEmpty()) {
				throw new InvalidInputException("The selected component " + component.componentId() + " is invalid.");
			}
			affected.removeIf((existing) -> existing.componentId() == component.componentId());
			affected.add(component);
		}
		return affected;
	}

	private static List<AffectedComponent> merge(List<AffectedComponent> current, List<AffectedComponent> changes) {
		Map<Long, AffectedComponent> merged = new LinkedHashMap<>();
		current.forEach((component) -> merged.put(component.componentId(), component));
		changes.forEach((component) -> merged.put(component.componentId(), component));
		return new ArrayList<>(merged.values());
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
