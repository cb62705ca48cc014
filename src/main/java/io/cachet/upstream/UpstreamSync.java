package io.cachet.upstream;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.cachet.component.ComponentService;
import io.cachet.component.ComponentStatus;
import io.cachet.component.ComponentView;
import io.cachet.component.CreateComponent;
import io.cachet.component.CreateComponentGroup;
import io.cachet.component.StatusChangeSource;
import io.cachet.component.UpdateComponent;
import io.cachet.upstream.UpstreamFeed.ExternalComponent;
import io.cachet.upstream.UpstreamFeed.Parsed;
import io.cachet.upstream.internal.UpstreamRepository;
import io.cachet.upstream.internal.UpstreamRepository.MirroredComponent;

/**
 * Applies a fetch to the mirrored components, one transaction per fetch.
 * <p>
 * Status changes are made with the {@code upstream} source and notify subscribers, except
 * those of hidden components and changes to Unknown (we know nothing, so we tell
 * nothing). A component that disappears upstream becomes Unknown and stays (it resumes if
 * it comes back; the owner may hide it). A mirrored component deleted by hand is no
 * longer followed.
 */
@Component
class UpstreamSync {

	private final UpstreamRepository upstreams;

	private final ComponentService components;

	private final Clock clock;

	UpstreamSync(UpstreamRepository upstreams, ComponentService components, Clock clock) {
		this.upstreams = upstreams;
		this.components = components;
		this.clock = clock;
	}

	@Transactional
	public void applySuccess(long upstreamId, Parsed feed) {
		UpstreamView upstream = this.upstreams.findById(upstreamId).orElse(null);
		if (upstream == null) {
			return;
		}
		long groupId = ensureGroup(upstream);
		Map<String, MirroredComponent> known = new LinkedHashMap<>();
		this.upstreams.components(upstreamId).forEach((mirror) -> known.put(mirror.externalId(), mirror));
		int order = 0;
		for (ExternalComponent external : feed.components()) {
			order++;
			MirroredComponent mirror = known.remove(external.id());
			if (mirror == null) {
				ComponentView created = this.components.createComponent(new CreateComponent(external.name(), "", "",
						external.status(), order, groupId, true, null, List.of()));
				this.upstreams.insertComponent(upstreamId, external.id(), external.name(), created.id());
				continue;
			}
			Optional<ComponentView> current = this.components.findComponent(mirror.componentId());
			if (current.isEmpty()) {
				continue;
			}
			if (!current.get().name().equals(external.name())) {
				this.components.updateComponent(mirror.componentId(),
						UpdateComponent.change().withName(external.name()).withSilent(true));
				this.upstreams.renameComponent(mirror.id(), external.name());
			}
			changeStatus(mirror, external.status());
		}
		known.values().forEach((gone) -> changeStatus(gone, ComponentStatus.UNKNOWN));
		this.upstreams.recordSuccess(upstreamId, feed.kind(), groupId, now());
	}

	/**
	 * Records a failed fetch; past the grace period since the last success (or since the
	 * upstream was added), its components become Unknown.
	 */
	@Transactional
	public void applyFailure(long upstreamId, String error) {
		UpstreamView upstream = this.upstreams.findById(upstreamId).orElse(null);
		if (upstream == null) {
			return;
		}
		Instant now = now();
		this.upstreams.recordFailure(upstreamId, error, now);
		Instant since = (upstream.lastSuccessAt() != null) ? upstream.lastSuccessAt() : upstream.createdAt();
		if (Duration.between(since, now).compareTo(Duration.ofSeconds(upstream.graceSeconds())) > 0) {
			this.upstreams.components(upstreamId).forEach((mirror) -> changeStatus(mirror, ComponentStatus.UNKNOWN));
		}
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private void changeStatus(MirroredComponent mirror, ComponentStatus status) {
		if (this.components.findComponent(mirror.componentId()).isPresent()) {
			this.components.changeStatus(mirror.componentId(), status,
					mirror.hidden() || status == ComponentStatus.UNKNOWN, StatusChangeSource.UPSTREAM);
		}
	}

	/**
	 * @return the upstream's group, created on the first success (or again, with its
	 * components moved in, if the owner deleted it)
	 */
	private long ensureGroup(UpstreamView upstream) {
		Long groupId = upstream.componentGroupId();
		if (groupId != null && this.components.findGroup(groupId).isPresent()) {
			return groupId;
		}
		long created = this.components.createGroup(new CreateComponentGroup(upstream.name(), 0, 0, 1)).id();
		for (MirroredComponent mirror : this.upstreams.components(upstream.id())) {
			if (this.components.findComponent(mirror.componentId()).isPresent()) {
				this.components.updateComponent(mirror.componentId(),
						UpdateComponent.change().withGroupId(created).withSilent(true));
			}
		}
		return created;
	}

}
