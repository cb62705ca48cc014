package io.cachet.user;

import org.jspecify.annotations.Nullable;

/**
 * Who an identity provider says signed in.
 *
 * @param provider the provider's key: {@code oidc:<registration id>} or {@code ldap}
 * @param subject the provider's stable, never reassigned id of the person (the OIDC
 * {@code sub} claim, the directory entry's DN): what links them to their user
 * @param preferredUsername the name to give a new user (made unique if taken)
 * @param email the provider's e-mail address of the person, if it gives one
 * @param emailVerified whether the provider vouches for that address (OIDC's
 * {@code email_verified}; a directory the admin runs is trusted)
 */
public record ExternalIdentity(String provider, String subject, String preferredUsername, @Nullable String email,
		boolean emailVerified) {

}
