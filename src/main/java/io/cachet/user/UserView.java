package io.cachet.user;

import java.time.Instant;

/**
 * A user as other modules see it: never the password hash, the token digest or the 2FA
 * secret.
 */
public record UserView(long id, String username, String email, UserLevel level, boolean active, Instant createdAt,
		Instant updatedAt) {

}
