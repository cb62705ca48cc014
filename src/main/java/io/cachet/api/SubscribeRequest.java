package io.cachet.api;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * {@code POST /api/v1/subscribers}. Without {@code verify} the subscriber is verified
 * only if the page skips verification; {@code components} are component ids (all of them
 * when absent).
 */
@ApiRequest
record SubscribeRequest(@NotNull @EmailAddress @Size(max = 255) @Nullable String email, @Nullable Boolean verify,
		@JsonDeserialize(using = SubscriberComponentIds.class) @Nullable List<Long> components) {

	SubscribeRequest {
		email = (email != null) ? email.strip() : null;
	}

}
