package io.cachet.sso;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cachet.user.ExternalIdentity;
import io.cachet.user.UserLevel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * From a provider's claims to the person's identity and groups, and their role.
 */
class OidcClaimsTests {

	@Test
	void readsTheGroupsAsAnArrayOrACommaSeparatedString() {
		assertThat(OidcClaims.groups(Map.of("groups", List.of("a", "b")), "groups")).containsExactly("a", "b");
		assertThat(OidcClaims.groups(Map.of("roles", "ops, sre ,"), "roles")).containsExactly("ops", "sre");
		assertThat(OidcClaims.groups(Map.of("groups", new String[] { "x" }), "groups")).containsExactly("x");
		assertThat(OidcClaims.groups(Map.of("other", List.of("a")), "groups")).isEmpty();
		assertThat(OidcClaims.groups(Map.of("groups", 42), "groups")).isEmpty();
	}

	@Test
	void theIdentityIsTheSubjectWithTheProvidersNameAndAddress() {
		ExternalIdentity identity = OidcClaims.identity("keycloak", Map.of("sub", "f3a9", "preferred_username", "alice",
				"email", "alice@example.com", "email_verified", true), "preferred_username");
		assertThat(identity)
			.isEqualTo(new ExternalIdentity("oidc:keycloak", "f3a9", "alice", "alice@example.com", true));
	}

	@Test
	void theUsernameFallsBackToThePreferredOneTheAddressThenTheSubject() {
		assertThat(OidcClaims.identity("t", Map.of("sub", "s", "preferred_username", "p", "upn", "u@corp"), "upn")
			.preferredUsername()).isEqualTo("u@corp");
		assertThat(OidcClaims.identity("t", Map.of("sub", "s", "preferred_username", "p"), "upn").preferredUsername())
			.isEqualTo("p");
		assertThat(OidcClaims.identity("t", Map.of("sub", "s", "email", "e@x.org"), "preferred_username")
			.preferredUsername()).isEqualTo("e@x.org");
		assertThat(OidcClaims.identity("t", Map.of("sub", "s"), "preferred_username").preferredUsername())
			.isEqualTo("s");
	}

	@Test
	void anAddressIsVerifiedOnlyWhenTheProviderSaysSo() {
		assertThat(OidcClaims.identity("t", Map.of("sub", "s", "email", "e@x.org"), "x").emailVerified()).isFalse();
		assertThat(OidcClaims.identity("t", Map.of("sub", "s", "email", "e@x.org", "email_verified", "true"), "x")
			.emailVerified()).isTrue();
		assertThat(OidcClaims.identity("t", Map.of("sub", "s", "email", "e@x.org", "email_verified", false), "x")
			.emailVerified()).isFalse();
	}

	@Test
	void noSubjectNoIdentity() {
		assertThatIllegalArgumentException().isThrownBy(() -> OidcClaims.identity("t", Map.of("email", "e@x"), "x"));
	}

	@Test
	void theGroupsClaimMapsToARole() {
		RoleMapping roles = RoleMapping.of(List.of("cachet-admins"), List.of("cachet-users"), null);
		assertThat(roles.levelFor(OidcClaims.groups(Map.of("groups", List.of("Cachet-Admins")), "groups")))
			.hasValue(UserLevel.ADMIN);
		assertThat(roles.levelFor(OidcClaims.groups(Map.of("groups", List.of("cachet-users", "x")), "groups")))
			.hasValue(UserLevel.USER);
		assertThat(roles.levelFor(OidcClaims.groups(Map.of(), "groups"))).isEmpty();
	}

}
