package io.cachet.dashboard;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The incident form. The affected components come as {@code component-<id>} fields beside
 * it (see {@link IncidentsController}).
 *
 * @param occurredAt {@code yyyy-MM-ddTHH:mm} in the page's time zone, empty for now
 * @param template the slug of a template that writes the message when the message is left
 * empty
 */
record IncidentForm(@NotBlank @Size(max = 255) @Nullable String name, @Size(max = 65_535) @Nullable String message,
		@Min(0) @Max(4) int status, boolean visible, boolean stickied, boolean notifySubscribers,
		@Pattern(regexp = "(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?)?",
				message = "must be a date and time") @Nullable String occurredAt,
		@Nullable String template) {

	static IncidentForm empty() {
		return new IncidentForm("", "", 1, true, false, true, "", "");
	}

	boolean hasMessageOrTemplate() {
		return (this.message != null && !this.message.isBlank()) || (this.template != null && !this.template.isBlank());
	}

}
