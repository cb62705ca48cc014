package io.cachet.sso;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.cachet.user.ExternalIdentity;

/**
 * From what an OpenID Connect provider says about a person (the ID token's claims, with
 * the userinfo endpoint's) to who they are here.
 */
final class OidcClaims {

	private OidcClaims() {
	}

	/**
	 * @param claimName the provider's groups claim: a JSON array of names (Keycloak,
	 * Authentik, Okta, Entra ID's object ids) or a single comma-separated string
	 * @return the groups, empty when the claim is missing
	 */
	static List<String> groups(Map<String, Object> claims, String claimName) {
		Object value = claims.get(claimName);
		if (value instanceof Collection<?> names) {
			return names.stream().filter(Objects::nonNull).map(String::valueOf).toList();
		}
		if (value instanceof Object[] names) {
			return Arrays.stream(names).filter(Objects::nonNull).map(String::valueOf).toList();
		}
		if (value instanceof String names) {
			return Arrays.stream(names.split(",")).map(String::strip).filter((name) -> !name.isEmpty()).toList();
		}
		return List.of();
	}

	/**
	 * @param registrationId the provider's registration id
	 * @param usernameClaim the claim with the preferred username; then
	 * {@code preferred_username}, the e-mail address, the subject
	 */
	static ExternalIdentity identity(String registrationId, Map<String, Object> claims, String usernameClaim) {
		String subject = text(claims.get("sub"));
		if (subject == null) {
			throw new IllegalArgumentException("The provider gave no subject");
		}
		@Nullable String email = text(claims.get("email"));
		String username = firstOf(text(claims.get(usernameClaim)), text(claims.get("preferred_username")), email,
				subject);
		Object verified = claims.get("email_verified");
		boolean emailVerified = Boolean.TRUE.equals(verified) || "true".equalsIgnoreCase(String.valueOf(verified));
		return new ExternalIdentity("oidc:" + registrationId, subject, username, email, emailVerified);
	}

	private static String firstOf(@Nullable String... candidates) {
		for (String candidate : candidates) {
			if (candidate != null) {
				return candidate;
			}
		}
		throw new IllegalArgumentException("no candidate");
	}

	private static @Nullable String text(@Nullable Object value) {
		if (value == null) {
			return null;
		}
		String text = String.valueOf(value).strip();
		return text.isEmpty() ? null : text;
	}

}
