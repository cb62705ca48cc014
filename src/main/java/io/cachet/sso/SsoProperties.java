package io.cachet.sso;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.cachet.user.UserLevel;

/**
 * What every provider shares, unless it sets its own ({@code cachet.sso.*}).
 *
 * @param adminGroups the groups whose members are admins
 * ({@code CACHET_SSO_ADMIN_GROUPS}, comma-separated, compared ignoring case)
 * @param userGroups the groups whose members are users ({@code CACHET_SSO_USER_GROUPS})
 * @param defaultRole the role of someone in none of those groups
 * ({@code CACHET_SSO_DEFAULT_ROLE}: {@code user} or {@code admin}); when unset, such a
 * person is refused
 * @param linkByEmail whether a first sign-in may be linked to the existing user with the
 * same e-mail address, when the provider says the address is verified
 * ({@code CACHET_SSO_LINK_BY_EMAIL}, default false)
 */
@ConfigurationProperties("cachet.sso")
public record SsoProperties(@DefaultValue List<String> adminGroups, @DefaultValue List<String> userGroups,
		@Nullable UserLevel defaultRole, boolean linkByEmail) {

	RoleMapping roles() {
		return RoleMapping.of(this.adminGroups, this.userGroups, this.defaultRole);
	}

}
