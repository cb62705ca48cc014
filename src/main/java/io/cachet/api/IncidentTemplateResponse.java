package io.cachet.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

import io.cachet.incident.IncidentTemplateView;

@JsonPropertyOrder({ "id", "name", "slug", "template", "created_at", "updated_at", "deleted_at" })
record IncidentTemplateResponse(long id, String name, String slug, String template,
		@JsonProperty("created_at") @Nullable String createdAt, @JsonProperty("updated_at") @Nullable String updatedAt,
		@JsonProperty("deleted_at") @Nullable String deletedAt) {

	static IncidentTemplateResponse of(IncidentTemplateView template, ApiTimes times) {
		return new IncidentTemplateResponse(template.id(), template.name(), template.slug(), template.template(),
				times.format(template.createdAt()), times.format(template.updatedAt()),
				times.format(template.deletedAt()));
	}

}
