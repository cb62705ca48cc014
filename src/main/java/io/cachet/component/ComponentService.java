package io.cachet.component;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.cachet.audit.AuditAction;
import io.cachet.audit.AuditSubject;
import io.cachet.audit.RecordChanged;
import io.cachet.component.internal.ComponentGroupRepository;
import io.cachet.component.internal.ComponentRepository;
import io.cachet.component.internal.StatusHistoryRepository;
import io.cachet.shared.ListQuery;
import io.cachet.shared.PageResult;

/**
 * Components and component groups: queries for the API and the page, and every change,
 * each published as an event (audit log, notifications, page refresh).
 */
@Service
public class ComponentService {

	private final ComponentRepository components;

	private final ComponentGroupRepository groups;

	private final StatusHistoryRepository history;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ComponentService(ComponentRepository components, ComponentGroupRepository groups, StatusHistoryRepository history,
			ApplicationEventPublisher events, Clock clock) {
		this.components = components;
		this.groups = groups;
		this.history = history;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * @param tagSlugs when not empty, only components with any of these tags
	 * @param guest when {@code true}, only what guests may see: enabled components
	 * outside hidden groups
	 */
	@Transactional(readOnly = true)
	public PageResult<ComponentView> findComponents(ListQuery query, List<String> tagSlugs, boolean guest) {
		return this.components.page(query, tagSlugs, guest);
	}

	/**
	 * @throws ComponentNotFoundException for an unknown or deleted component
	 */
	@Transactional(readOnly = true)
	public ComponentView getComponent(long id) {
		return this.components.findById(id).orElseThrow(() -> ComponentNotFoundException.forId(id));
	}

	@Transactional(readOnly = true)
	public Optional<ComponentView> findComponent(long id) {
		return this.components.findById(id);
	}

	/**
	 * @return the ids of all components (not deleted), ascending
	 */
	@Transactional(readOnly = true)
	public List<Long> findAllComponentIds() {
		return this.components.findAllIds();
	}

	/**
	 * @return the enabled components of these groups, by group order then id
	 */
	@Transactional(readOnly = true)
	public List<ComponentView> findEnabledComponentsInGroups(Collection<Long> groupIds) {
		return this.components.findEnabledInGroups(groupIds);
	}

	@Transactional
	public ComponentView createComponent(CreateComponent command) {
		Instant now = now();
		long id = this.components.insert(command.name(), Objects.requireNonNullElse(command.description(), ""),
				Objects.requireNonNullElse(command.link(), ""), command.status(), command.order(), command.groupId(),
				command.enabled(), command.meta(), now);
		this.components.replaceTags(id, Tags.bySlug(command.tags()), now);
		this.history.record(id, null, command.status(), StatusChangeSource.MANUAL, now);
		this.events.publishEvent(RecordChanged.named(AuditSubject.COMPONENT, id, AuditAction.CREATED, command.name()));
		return getComponent(id);
	}

	/**
	 * Changes the given fields; a status change is published as
	 * {@link ComponentStatusChanged}.
	 * @throws ComponentNotFoundException for an unknown or deleted component
	 */
	@Transactional
	public ComponentView updateComponent(long id, UpdateComponent command) {
		ComponentView current = getComponent(id);
		Instant now = now();
		ComponentView changed = new ComponentView(id, Objects.requireNonNullElse(command.name(), current.name()),
				Objects.requireNonNullElse(command.description(), current.description()),
				Objects.requireNonNullElse(command.link(), current.link()),
				Objects.requireNonNullElse(command.status(), current.status()),
				Objects.requireNonNullElse(command.order(), current.order()),
				Objects.requireNonNullElse(command.groupId(), current.groupId()),
				Objects.requireNonNullElse(command.enabled(), current.enabled()),
				(command.meta() != null) ? command.meta() : current.meta(), current.tags(), current.createdAt(), now,
				null);
		this.components.update(changed, now);
		if (command.tags() != null) {
			this.components.replaceTags(id, Tags.bySlug(command.tags()), now);
		}
		this.events.publishEvent(RecordChanged.named(AuditSubject.COMPONENT, id, AuditAction.UPDATED, changed.name()));
		if (changed.status() != current.status()) {
			this.history.record(id, current.status(), changed.status(), StatusChangeSource.MANUAL, now);
			this.events.publishEvent(new ComponentStatusChanged(id, changed.name(), current.status(), changed.status(),
					command.silent(), now));
		}
		return getComponent(id);
	}

	/**
	 * Sets a component's status, as an incident or a monitor does.
	 * @param silent do not notify the component's subscribers (the caller notifies on its
	 * own)
	 * @param source what changed it, kept in the status history
	 * @return whether the status changed
	 * @throws ComponentNotFoundException for an unknown or deleted component
	 */
	@Transactional
	public boolean changeStatus(long id, ComponentStatus status, boolean silent, StatusChangeSource source) {
		ComponentView current = getComponent(id);
		if (current.status() == status) {
			return false;
		}
		Instant now = now();
		this.components.updateStatus(id, status, now);
		this.history.record(id, current.status(), status, source, now);
		this.events.publishEvent(new ComponentStatusChanged(id, current.name(), current.status(), status, silent, now));
		return true;
	}

	/**
	 * Deletes a component (softly: incidents that name it keep their history).
	 * @throws ComponentNotFoundException for an unknown or deleted component
	 */
	@Transactional
	public void deleteComponent(long id) {
		ComponentView current = getComponent(id);
		this.components.softDelete(id, now());
		this.events.publishEvent(RecordChanged.named(AuditSubject.COMPONENT, id, AuditAction.DELETED, current.name()));
	}

	/**
	 * @param guest when {@code true}, only public groups
	 */
	@Transactional(readOnly = true)
	public PageResult<ComponentGroupView> findGroups(ListQuery query, boolean guest) {
		return this.groups.page(query, guest);
	}

	/**
	 * @throws ComponentGroupNotFoundException for an unknown group
	 */
	@Transactional(readOnly = true)
	public ComponentGroupView getGroup(long id) {
		return this.groups.findById(id).orElseThrow(() -> ComponentGroupNotFoundException.forId(id));
	}

	/**
	 * @return the group, or empty for an unknown one
	 */
	@Transactional(readOnly = true)
	public Optional<ComponentGroupView> findGroup(long id) {
		return this.groups.findById(id);
	}

	@Transactional
	public ComponentGroupView createGroup(CreateComponentGroup command) {
		long id = this.groups.insert(command.name(), command.order(), command.collapsed(), command.visible(), now());
		this.events
			.publishEvent(RecordChanged.named(AuditSubject.COMPONENT_GROUP, id, AuditAction.CREATED, command.name()));
		return getGroup(id);
	}

	/**
	 * @throws ComponentGroupNotFoundException for an unknown group
	 */
	@Transactional
	public ComponentGroupView updateGroup(long id, UpdateComponentGroup command) {
		ComponentGroupView current = getGroup(id);
		ComponentGroupView changed = new ComponentGroupView(id,
				Objects.requireNonNullElse(command.name(), current.name()),
				Objects.requireNonNullElse(command.order(), current.order()),
				Objects.requireNonNullElse(command.collapsed(), current.collapsed()),
				Objects.requireNonNullElse(command.visible(), current.visible()), current.createdAt(), now());
		this.groups.update(changed, changed.updatedAt());
		this.events
			.publishEvent(RecordChanged.named(AuditSubject.COMPONENT_GROUP, id, AuditAction.UPDATED, changed.name()));
		return getGroup(id);
	}

	/**
	 * Deletes a group; its components become ungrouped.
	 * @throws ComponentGroupNotFoundException for an unknown group
	 */
	@Transactional
	public void deleteGroup(long id) {
		ComponentGroupView current = getGroup(id);
		this.components.ungroup(id, now());
		this.groups.delete(id);
		this.events
			.publishEvent(RecordChanged.named(AuditSubject.COMPONENT_GROUP, id, AuditAction.DELETED, current.name()));
	}

	/**
	 * @return tag slug to name for the given names, as they would be stored
	 */
	public Map<String, String> tagsFor(List<String> names) {
		return Tags.bySlug(names);
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
