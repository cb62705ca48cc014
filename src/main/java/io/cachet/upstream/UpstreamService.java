package io.cachet.upstream;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.cachet.audit.AuditAction;
import io.cachet.audit.AuditSubject;
import io.cachet.audit.RecordChanged;
import io.cachet.component.ComponentService;
import io.cachet.component.ComponentStatus;
import io.cachet.component.ComponentView;
import io.cachet.component.UpdateComponent;
import io.cachet.component.UpdateComponentGroup;
import io.cachet.outbound.OutboundPolicy;
import io.cachet.shared.InvalidInputException;
import io.cachet.shared.ListQuery;
import io.cachet.shared.PageResult;
import io.cachet.upstream.internal.UpstreamRepository;
import io.cachet.upstream.internal.UpstreamRepository.MirroredComponent;

/**
 * The status pages this page follows. Adding one only stores it: the poller fetches it
 * within a second, then creates its group and components.
 */
@Service
public class UpstreamService {

	static final int DEFAULT_INTERVAL = 60;

	static final int DEFAULT_GRACE = 300;

	private static final int MAX_INTERVAL = 86_400;

	private static final int MAX_GRACE = 604_800;

	private final UpstreamRepository upstreams;

	private final ComponentService components;

	private final ApplicationEventPublisher events;

	private final UpstreamProperties properties;

	private final Clock clock;

	private final OutboundPolicy outbound;

	UpstreamService(UpstreamRepository upstreams, ComponentService components, ApplicationEventPublisher events,
			UpstreamProperties properties, Clock clock, OutboundPolicy outbound) {
		this.upstreams = upstreams;
		this.components = components;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
		this.outbound = outbound;
	}

	/**
	 * @return a page of upstreams with their components, never {@literal null}
	 */
	@Transactional(readOnly = true)
	public PageResult<UpstreamView> findUpstreams(ListQuery query) {
		return this.upstreams.page(query).map(this::withComponents);
	}

	/**
	 * @throws UpstreamNotFoundException for an unknown upstream
	 */
	@Transactional(readOnly = true)
	public UpstreamView getUpstream(long id) {
		return withComponents(find(id));
	}

	/**
	 * @throws InvalidInputException for a missing name, a URL that is not http or https,
	 * an interval under the minimum or a negative grace period
	 */
	@Transactional
	public UpstreamView createUpstream(SaveUpstream command) {
		Instant now = now();
		UpstreamView upstream = new UpstreamView(0, checkName(command.name()), checkUrl(command.url()), command.kind(),
				checkInterval(Objects.requireNonNullElse(command.intervalSeconds(), DEFAULT_INTERVAL)),
				checkGrace(Objects.requireNonNullElse(command.graceSeconds(), DEFAULT_GRACE)), null,
				Objects.requireNonNullElse(command.enabled(), true), null, null, null, now, now, List.of());
		long id = this.upstreams.insert(upstream);
		this.events.publishEvent(RecordChanged.named(AuditSubject.UPSTREAM, id, AuditAction.CREATED, upstream.name()));
		return getUpstream(id);
	}

	/**
	 * Changes the name (its group's too), kind, interval, grace period or enabled flag.
	 * @throws UpstreamNotFoundException for an unknown upstream
	 * @throws InvalidInputException for a bad value, or a different URL (follow the new
	 * address as a new upstream instead)
	 */
	@Transactional
	public UpstreamView updateUpstream(long id, SaveUpstream command) {
		UpstreamView current = find(id);
		if (command.url() != null && !command.url().strip().equals(current.url())) {
			throw new InvalidInputException("The url of an upstream cannot be changed; add the new address instead.");
		}
		String name = (command.name() != null) ? checkName(command.name()) : current.name();
		UpstreamView changed = new UpstreamView(id, name, current.url(),
				(command.kind() != null) ? command.kind() : current.kind(),
				(command.intervalSeconds() != null) ? checkInterval(command.intervalSeconds())
						: current.intervalSeconds(),
				(command.graceSeconds() != null) ? checkGrace(command.graceSeconds()) : current.graceSeconds(),
				current.componentGroupId(), Objects.requireNonNullElse(command.enabled(), current.enabled()),
				current.lastPolledAt(), current.lastSuccessAt(), current.lastError(), current.createdAt(), now(),
				List.of());
		this.upstreams.update(changed);
		Long groupId = current.componentGroupId();
		if (!name.equals(current.name()) && groupId != null && this.components.findGroup(groupId).isPresent()) {
			this.components.updateGroup(groupId, new UpdateComponentGroup(name, null, null, null));
		}
		this.events.publishEvent(RecordChanged.named(AuditSubject.UPSTREAM, id, AuditAction.UPDATED, name));
		return getUpstream(id);
	}

	/**
	 * Stops following a page and removes what mirrored it: its components are deleted
	 * (softly, so incidents that name them keep their history) and its group too.
	 * @throws UpstreamNotFoundException for an unknown upstream
	 */
	@Transactional
	public void deleteUpstream(long id) {
		UpstreamView current = find(id);
		for (MirroredComponent mirror : this.upstreams.components(id)) {
			if (this.components.findComponent(mirror.componentId()).isPresent()) {
				this.components.deleteComponent(mirror.componentId());
			}
		}
		Long groupId = current.componentGroupId();
		if (groupId != null && this.components.findGroup(groupId).isPresent()) {
			this.components.deleteGroup(groupId);
		}
		this.upstreams.delete(id);
		this.events.publishEvent(RecordChanged.named(AuditSubject.UPSTREAM, id, AuditAction.DELETED, current.name()));
	}

	/**
	 * Hides an upstream component (its component is disabled, so it leaves the public
	 * page, and its status changes are no longer notified) or shows it again.
	 * @param componentId our component mirroring it
	 * @throws UpstreamNotFoundException for an unknown upstream, or a component that does
	 * not mirror one of its components
	 */
	@Transactional
	public UpstreamView setHidden(long upstreamId, long componentId, boolean hidden) {
		UpstreamView upstream = find(upstreamId);
		MirroredComponent mirror = this.upstreams.components(upstreamId)
			.stream()
			.filter((candidate) -> candidate.componentId() == componentId)
			.findFirst()
			.orElseThrow(() -> UpstreamNotFoundException.forComponent(upstreamId, componentId));
		this.upstreams.setHidden(mirror.id(), hidden);
		if (this.components.findComponent(componentId).isPresent()) {
			this.components.updateComponent(componentId,
					UpdateComponent.change().withEnabled(!hidden).withSilent(true));
		}
		this.events.publishEvent(RecordChanged.named(AuditSubject.UPSTREAM, upstreamId,
				hidden ? AuditAction.COMPONENT_HIDDEN : AuditAction.COMPONENT_SHOWN,
				upstream.name() + ": " + mirror.externalName()));
		return getUpstream(upstreamId);
	}

	/**
	 * @return the shortest interval allowed, in seconds
	 */
	public int minIntervalSeconds() {
		return (int) Math.max(1, this.properties.minInterval().toSeconds());
	}

	private UpstreamView find(long id) {
		return this.upstreams.findById(id).orElseThrow(() -> UpstreamNotFoundException.forId(id));
	}

	private UpstreamView withComponents(UpstreamView upstream) {
		return upstream.withComponents(this.upstreams.components(upstream.id())
			.stream()
			.map((mirror) -> new UpstreamComponentView(mirror.id(), mirror.externalId(), mirror.externalName(),
					mirror.componentId(), mirror.hidden(),
					this.components.findComponent(mirror.componentId())
						.map(ComponentView::status)
						.orElse(ComponentStatus.UNKNOWN)))
			.toList());
	}

	private static String checkName(@Nullable String name) {
		if (name == null || name.isBlank()) {
			throw new InvalidInputException("The name field is required.");
		}
		if (name.strip().length() > 255) {
			throw new InvalidInputException("The name may not be greater than 255 characters.");
		}
		return name.strip();
	}

	/**
	 * @throws io.cachet.outbound.OutboundNotAllowedException for an address the outbound
	 * policy forbids (checked again at each fetch)
	 */
	private String checkUrl(@Nullable String url) {
		if (url == null || url.isBlank()) {
			throw new InvalidInputException("The url field is required.");
		}
		String trimmed = url.strip();
		try {
			URI uri = new URI(trimmed);
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
					&& trimmed.length() <= 2048) {
				this.outbound.checkUrl(trimmed, OutboundPolicy.Purpose.INTEGRATION);
				return trimmed;
			}
		}
		catch (URISyntaxException ex) {
			// reported below
		}
		throw new InvalidInputException("The url must be an http or https address.");
	}

	private int checkInterval(int seconds) {
		if (seconds < minIntervalSeconds() || seconds > MAX_INTERVAL) {
			throw new InvalidInputException(
					"The interval must be between " + minIntervalSeconds() + " and " + MAX_INTERVAL + " seconds.");
		}
		return seconds;
	}

	private static int checkGrace(int seconds) {
		if (seconds < 0 || seconds > MAX_GRACE) {
			throw new InvalidInputException("The grace must be between 0 and " + MAX_GRACE + " seconds.");
		}
		return seconds;
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
