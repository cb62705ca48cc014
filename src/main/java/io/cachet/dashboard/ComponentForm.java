package io.cachet.dashboard;

import java.util.Arrays;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import io.cachet.component.ComponentView;

/**
 * The component form (create and edit).
 *
 * @param tags comma-separated tag names
 */
record ComponentForm(@NotBlank @Size(max = 255) @Nullable String name, @Size(max = 10_000) @Nullable String description,
		@Size(max = 2048) @Pattern(regexp = "(https?://\\S+)?",
				message = "must be an http:// or https:// address") @Nullable String link,
		@Min(0) @Max(4) int status, @Min(0) long groupId, boolean enabled, @Min(0) int order,
		@Size(max = 1000) @Nullable String tags) {

	static ComponentForm empty() {
		return new ComponentForm("", "", "", 1, 0, true, 0, "");
	}

	static ComponentForm of(ComponentView component) {
		return new ComponentForm(component.name(), component.description(), component.link(), component.status().code(),
				component.groupId(), component.enabled(), component.order(),
				String.join(", ", component.tags().values()));
	}

	/**
	 * An unticked checkbox is not sent: it binds as {@code null}.
	 */
	boolean isEnabled() {
		return Boolean.TRUE.equals(this.enabled);
	}

	List<String> tagList() {
		return (this.tags == null) ? List.of()
				: Arrays.stream(this.tags.split(",")).map(String::strip).filter((tag) -> !tag.isEmpty()).toList();
	}

}
