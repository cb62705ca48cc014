package io.cachet.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import io.cachet.upstream.UpstreamComponentView;
import io.cachet.upstream.UpstreamView;

/**
 * A followed status page as {@code /api/v1/upstreams} shows it (our extension to Cachet
 * 2.4's API); {@code interval} and {@code grace} are in seconds.
 */
record UpstreamResponse(long id, String name, String url, @Nullable String kind, int interval, int grace,
		boolean enabled, @JsonProperty("component_group_id") @Nullable Long componentGroupId,
		@JsonProperty("last_polled_at") @Nullable String lastPolledAt,
		@JsonProperty("last_success_at") @Nullable String lastSuccessAt,
		@JsonProperty("last_error") @Nullable String lastError, List<Component> components,
		@JsonProperty("created_at") @Nullable String createdAt,
		@JsonProperty("updated_at") @Nullable String updatedAt) {

	static UpstreamResponse of(UpstreamView upstream, ApiTimes times) {
		return new UpstreamResponse(upstream.id(), upstream.name(), upstream.url(),
				(upstream.kind() != null) ? upstream.kind().value() : null, upstream.intervalSeconds(),
				upstream.graceSeconds(), upstream.enabled(), upstream.componentGroupId(),
				times.format(upstream.lastPolledAt()), times.format(upstream.lastSuccessAt()), upstream.lastError(),
				upstream.components().stream().map(Component::of).toList(), times.format(upstream.createdAt()),
				times.format(upstream.updatedAt()));
	}

	/**
	 * @param id the mirror's id
	 * @param componentId our component mirroring the upstream's
	 * @param status our component's status code (0-4)
	 */
	record Component(long id, @JsonProperty("external_id") String externalId, String name,
			@JsonProperty("component_id") long componentId, boolean hidden, int status) {

		static Component of(UpstreamComponentView component) {
			return new Component(component.id(), component.externalId(), component.name(), component.componentId(),
					component.hidden(), component.status().code());
		}

	}

}
