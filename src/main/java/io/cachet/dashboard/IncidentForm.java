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
 * Unticked checkboxes are not sent by browsers, so they bind as {@code null} (false).
 *
 * @param occurredAt {@code yyyy-MM-ddTHH:mm} in the page's time zone, empty for now
 * @param template the slug of a template that writes the message when the message is left
 * empty
 */
record IncidentForm(@NotBlank @Size(max = 255) @Nullable String name, @Size(max = 65_535) @Nullable String message,
		@Min(0) @Max(4) int status, @Nullable Boolean visible, @Nullable Boolean stickied,
		@Nullable Boolean notifySubscribers,
		@Pattern(regexp = "(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?)?",
				message = "must be a date and time") @Nullable String occurredAt,
		@Nullable String template, @Size(max = 10_000) @Nullable String variables) {

	static IncidentForm empty() {
		return new IncidentForm("", "", 1, true, false, true, "", "", "");
	}

	boolean isVisible() {
		return Boolean.TRUE.equals(this.visible);
	}

	boolean isStickied() {
		return Boolean.TRUE.equals(this.stickied);
	}

	boolean isNotifying() {
		return Boolean.TRUE.equals(this.notifySubscribers);
	}

	/**
	 * @return the template's variables, one {@code name=value} a line
	 */
	java.util.Map<String, Object> templateVariables() {
		java.util.Map<String, Object> vars = new java.util.LinkedHashMap<>();
		if (this.variables != null) {
			for (String line : this.variables.split("\\R")) {
				int equals = line.indexOf('=');
				if (equals > 0) {
					vars.put(line.substring(0, equals).strip(), line.substring(equals + 1).strip());
				}
			}
		}
		return vars;
	}

	boolean hasMessageOrTemplate() {
		return (this.message != null && !this.message.isBlank()) || (this.template != null && !this.template.isBlank());
	}

}
