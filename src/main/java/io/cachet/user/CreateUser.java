package io.cachet.user;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Command to create a user.
 *
 * @param username printable ASCII, as Cachet requires
 * @param email unique, compared case-insensitively
 * @param password the clear-text password, stored only as a BCrypt hash
 * @param level admin or user
 * @param apiToken an API token to use instead of a generated one (at least 20 characters,
 * no white space), or {@code null} to generate one
 */
public record CreateUser(@NotBlank @Size(max = 255) @Pattern(regexp = "[ -~]+") String username,
		@NotBlank @Email @Size(max = 255) String email, @NotBlank @Size(min = 8, max = 72) String password,
		@NotNull UserLevel level, @Nullable @Size(min = 20, max = 255) @Pattern(regexp = "\\S+") String apiToken) {

}
