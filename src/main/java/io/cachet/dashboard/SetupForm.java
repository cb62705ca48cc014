package io.cachet.dashboard;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The setup wizard's form: the status page, then its first admin.
 */
record SetupForm(@NotBlank @Size(max = 255) @Nullable String appName,
		@NotBlank @Size(max = 255) @Pattern(regexp = "https?://\\S+",
				message = "must start with http:// or https://") @Nullable String appDomain,
		@NotBlank @Nullable String appTimezone, @NotBlank @Nullable String appLocale,
		@NotBlank @Size(max = 255) @Pattern(regexp = "[ -~]+") @Nullable String username,
		@NotBlank @Email @Size(max = 255) @Nullable String email,
		@NotBlank @Size(min = 8, max = 72) @Nullable String password, @Nullable String passwordConfirmation) {

	static SetupForm empty() {
		return new SetupForm("", "http://localhost:8080", "UTC", "en", "", "", "", "");
	}

	boolean passwordsMatch() {
		return this.password == null || this.password.equals(this.passwordConfirmation);
	}

	boolean timezoneKnown() {
		return this.appTimezone == null || this.appTimezone.isBlank()
				|| java.time.ZoneId.getAvailableZoneIds().contains(this.appTimezone);
	}

}
