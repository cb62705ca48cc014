package io.cachet.upstream;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.cachet.component.ComponentService;
import io.cachet.component.ComponentStatus;
import io.cachet.component.ComponentView;
import io.cachet.shared.ListQuery;
import io.cachet.upstream.UpstreamFeed.ExternalComponent;
import io.cachet.upstream.UpstreamFeed.Parsed;
import io.cachet.upstream.internal.UpstreamRepository;
import io.cachet.upstream.internal.UpstreamRepository.MirroredComponent;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The upstream tables and the synchronisation's SQL on each database (run by the
 * subclasses). The contexts are shared with other test classes: nothing here assumes an
 * empty database, and the upstreams are disabled so the poller leaves them alone.
 */
abstract class UpstreamRepositoryContractTests {

	@Autowired
	UpstreamRepository repository;

	@Autowired
	UpstreamService service;

	@Autowired
	UpstreamSync sync;

	@Autowired
	ComponentService components;

	@Autowired
	JdbcClient jdbc;

	@Test
	void storesUpstreamsAndTheirComponents() {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		String name = "Contract " + UUID.randomUUID();
		long id = this.repository.insert(new UpstreamView(0, name, "https://status.example.com/api/v2/summary.json",
				null, 45, 120, null, false, null, null, null, now, now, List.of()));

		UpstreamView stored = this.repository.findById(id).orElseThrow();
		assertThat(stored.name()).isEqualTo(name);
		assertThat(stored.kind()).isNull();
		assertThat(stored.componentGroupId()).isNull();
		assertThat(stored.intervalSeconds()).isEqualTo(45);
		assertThat(stored.graceSeconds()).isEqualTo(120);
		assertThat(stored.createdAt()).isEqualTo(now);
		assertThat(this.repository.page(new ListQuery(Map.of("name", name), null, false, 1, 10)).items())
			.extracting(UpstreamView::id)
			.containsExactly(id);
		assertThat(this.repository.findEnabled()).extracting(UpstreamView::id).doesNotContain(id);

		long first = this.repository.insertComponent(id, "ext-1", "API", 1001);
		this.repository.insertComponent(id, "ext-2", "Web", 1002);
		assertThatThrownBy(() -> this.repository.insertComponent(id, "ext-1", "Again", 1003))
			.isInstanceOf(DataIntegrityViolationException.class);
		this.repository.renameComponent(first, "API v2");
		this.repository.setHidden(first, true);
		assertThat(this.repository.components(id))
			.extracting(MirroredComponent::id, MirroredComponent::externalId, MirroredComponent::externalName,
					MirroredComponent::componentId, MirroredComponent::hidden)
			.containsExactly(tuple(first, "ext-1", "API v2", 1001L, true),
					tuple(this.repository.components(id).get(1).id(), "ext-2", "Web", 1002L, false));

		this.repository.recordFailure(id, "x".repeat(2000), now.plusSeconds(5));
		UpstreamView failed = this.repository.findById(id).orElseThrow();
		assertThat(failed.lastError()).hasSize(1024);
		assertThat(failed.lastPolledAt()).isEqualTo(now.plusSeconds(5));
		assertThat(failed.lastSuccessAt()).isNull();
		this.repository.recordSuccess(id, UpstreamKind.CACHET, 77, now.plusSeconds(10));
		UpstreamView succeeded = this.repository.findById(id).orElseThrow();
		assertThat(succeeded.lastError()).isNull();
		assertThat(succeeded.lastSuccessAt()).isEqualTo(now.plusSeconds(10));
		assertThat(succeeded.kind()).isEqualTo(UpstreamKind.CACHET);
		assertThat(succeeded.componentGroupId()).isEqualTo(77L);

		this.repository.delete(id);
		assertThat(this.repository.findById(id)).isEmpty();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM upstream_components WHERE upstream_id = ?")
			.param(id)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void mirrorsAFetchIntoAGroupOfComponents() {
		String name = "Mirror " + UUID.randomUUID();
		UpstreamView upstream = this.service
			.createUpstream(new SaveUpstream(name, "https://status.example.com/summary.json", null, 60, 0, false));
		this.sync.applySuccess(upstream.id(),
				new Parsed(UpstreamKind.STATUSPAGE,
						List.of(new ExternalComponent("a", "Alpha", ComponentStatus.OPERATIONAL),
								new ExternalComponent("b", "Beta", ComponentStatus.MAJOR_OUTAGE)),
						1));
		UpstreamView mirrored = this.service.getUpstream(upstream.id());
		assertThat(mirrored.kind()).isEqualTo(UpstreamKind.STATUSPAGE);
		assertThat(this.components.getGroup(mirrored.componentGroupId()).name()).isEqualTo(name);
		assertThat(mirrored.components()).extracting(UpstreamComponentView::name, UpstreamComponentView::status)
			.containsExactly(tuple("Alpha", ComponentStatus.OPERATIONAL), tuple("Beta", ComponentStatus.MAJOR_OUTAGE));

		this.sync.applySuccess(upstream.id(), new Parsed(UpstreamKind.STATUSPAGE,
				List.of(new ExternalComponent("a", "Alpha", ComponentStatus.PARTIAL_OUTAGE)), 1));
		long alpha = mirrored.components().get(0).componentId();
		long beta = mirrored.components().get(1).componentId();
		assertThat(this.components.getComponent(alpha).status()).isEqualTo(ComponentStatus.PARTIAL_OUTAGE);
		assertThat(this.components.getComponent(beta).status()).isEqualTo(ComponentStatus.UNKNOWN);
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM component_status_history WHERE component_id = ? AND source = 'upstream'")
			.param(alpha)
			.query(Long.class)
			.single()).isEqualTo(1);

		this.service.setHidden(upstream.id(), alpha, true);
		assertThat(this.components.getComponent(alpha).enabled()).isFalse();
		this.sync.applyFailure(upstream.id(), "HTTP 503");
		assertThat(this.service.getUpstream(upstream.id()).lastError()).isEqualTo("HTTP 503");
		assertThat(this.components.getComponent(alpha).status()).isEqualTo(ComponentStatus.UNKNOWN);

		this.service.deleteUpstream(upstream.id());
		assertThat(this.components.findComponent(alpha)).isEmpty();
		assertThat(this.components.findGroup(mirrored.componentGroupId())).isEmpty();
		assertThat(this.components.findComponent(beta).map(ComponentView::id)).isEmpty();
	}

}
