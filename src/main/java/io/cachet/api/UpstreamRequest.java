package io.cachet.api;

import jakarta.validation.constraints.Size;
import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import org.jspecify.annotations.Nullable;

import io.cachet.upstream.SaveUpstream;
import io.cachet.upstream.UpstreamKind;

/**
 * {@code PUT /api/v1/upstreams/{id}}: a field that is absent or {@code null} is left as
 * it is. {@code kind} is statuspage or cachet; {@code interval} and {@code grace} are
 * seconds.
 */
@ApiRequest
record UpstreamRequest(@Size(max = 255) @Nullable String name, @HttpUrl @Size(max = 2048) @Nullable String url,
		@Nullable String kind, @Nullable Integer interval, @Nullable Integer grace, @Nullable Boolean enabled) {

	UpstreamRequest {
		url = HttpUrl.Validator.normalize(url);
	}

	@JsonIgnore
	@AssertTrue(message = "The selected kind is invalid (statuspage or cachet).")
	boolean isKindKnown() {
		return this.kind == null || this.kind.isBlank() || UpstreamKind.fromValue(this.kind).isPresent();
	}

	SaveUpstream command() {
		return new SaveUpstream(this.name, this.url,
				(this.kind != null && !this.kind.isBlank()) ? UpstreamKind.fromValue(this.kind).orElse(null) : null,
				this.interval, this.grace, this.enabled);
	}

}
