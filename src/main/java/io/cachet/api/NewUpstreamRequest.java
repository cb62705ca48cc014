package io.cachet.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import io.cachet.upstream.SaveUpstream;
import io.cachet.upstream.UpstreamKind;

/**
 * {@code POST /api/v1/upstreams}: a status page whose components are mirrored; the fields
 * of {@link UpstreamRequest}.
 */
@ApiRequest
record NewUpstreamRequest(@NotBlank @Nullable String name, @NotNull @HttpUrl @Size(max = 2048) @Nullable String url,
		@Nullable String kind, @Nullable Integer interval, @Nullable Integer grace, @Nullable Boolean enabled) {

	NewUpstreamRequest {
		url = HttpUrl.Validator.normalize(url);
	}

	@JsonIgnore
	@AssertTrue(message = "The selected kind is invalid (statuspage or cachet).")
	boolean isKindKnown() {
		return this.kind == null || this.kind.isBlank() || UpstreamKind.fromValue(this.kind).isPresent();
	}

	SaveUpstream command() {
		return new UpstreamRequest(this.name, this.url, this.kind, this.interval, this.grace, this.enabled).command();
	}

}
