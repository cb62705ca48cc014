package io.cachet.api;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import io.cachet.user.AuthenticatedUser;

/**
 * Who is calling the API: a user authenticated by token, or a guest. Guests see less
 * (disabled components, hidden groups and incidents stay out of their answers), as in
 * Cachet.
 */
final class ApiCaller {

	private ApiCaller() {
	}

	static Optional<AuthenticatedUser> current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof AuthenticatedUser user) {
			return Optional.of(user);
		}
		return Optional.empty();
	}

	static boolean isGuest() {
		return current().isEmpty();
	}

}
