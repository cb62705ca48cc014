package io.cachet.sso;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.cachet.user.UserLevel;

import static org.assertj.core.api.Assertions.assertThat;

class RoleMappingTests {

	private final RoleMapping mapping = RoleMapping.of(List.of("Cachet-Admins", " ops "), List.of("cachet-users"),
			null);

	@Test
	void anAdminGroupWinsOverAUserGroupIgnoringCaseAndSpaces() {
		assertThat(this.mapping.levelFor(List.of("cachet-users", "cachet-admins"))).contains(UserLevel.ADMIN);
		assertThat(this.mapping.levelFor(List.of("OPS"))).contains(UserLevel.ADMIN);
		assertThat(this.mapping.levelFor(List.of("Cachet-Users"))).contains(UserLevel.USER);
	}

	@Test
	void noMappedGroupMeansRefusedUnlessThereIsADefaultRole() {
		assertThat(this.mapping.levelFor(List.of("sales"))).isEmpty();
		assertThat(this.mapping.levelFor(List.of())).isEmpty();
		assertThat(RoleMapping.of(List.of(), List.of(), UserLevel.USER).levelFor(List.of("sales")))
			.contains(UserLevel.USER);
	}

	@Test
	void aProviderReplacesOnlyThePartsItSets() {
		RoleMapping provider = this.mapping.overriddenBy(List.of("idp-admins"), null, UserLevel.USER);

		assertThat(provider.levelFor(List.of("cachet-admins"))).contains(UserLevel.USER);
		assertThat(provider.levelFor(List.of("idp-admins"))).contains(UserLevel.ADMIN);
		assertThat(provider.levelFor(List.of("cachet-users"))).contains(UserLevel.USER);
		assertThat(this.mapping.overriddenBy(List.of(), List.of(), null)).isEqualTo(this.mapping);
	}

	@Test
	void localLoginPolicyLetsOnlyTheBreakGlassAdminInWhenOff() {
		assertThat(new LocalLoginProperties(true, null).allows("anyone")).isTrue();
		assertThat(new LocalLoginProperties(false, null).allows("anyone")).isFalse();
		assertThat(new LocalLoginProperties(false, " Rescue ").allows("rescue")).isTrue();
		assertThat(new LocalLoginProperties(false, "rescue").allows("rescuer")).isFalse();
		assertThat(new LocalLoginProperties(false, "").allows("")).isFalse();
	}

}
