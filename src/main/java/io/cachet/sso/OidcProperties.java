package io.cachet.sso;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.cachet.user.UserLevel;

/**
 * The OpenID Connect providers ({@code cachet.sso.oidc.<id>.*}), keyed by their
 * registration id: the {@code {id}} of the redirect URI the provider must allow,
 * {@code {baseUrl}/login/oauth2/code/{id}}. Bound under {@code cachet.sso} (beside
 * {@link SsoProperties}) so that the map's keys sit right under {@code cachet.sso.oidc},
 * and the environment's form is {@code CACHET_SSO_OIDC_<ID>_ISSUERURI},
 * {@code CACHET_SSO_OIDC_<ID>_CLIENTID}, … (the dashes of the names dropped).
 *
 * @param oidc the providers by registration id (lower case from the environment)
 */
@ConfigurationProperties("cachet.sso")
record OidcProperties(@DefaultValue Map<String, Provider> oidc) {

	/**
	 * One provider.
	 *
	 * @param issuerUri the issuer, whose {@code /.well-known/openid-configuration} is
	 * read at the first sign-in
	 * @param clientId the client id the provider gave
	 * @param clientSecret its secret; none for a public client (PKCE alone)
	 * @param scopes the scopes asked for
	 * @param displayName the button's "Sign in with …" name (default: the id)
	 * @param groupsClaim the claim (ID token or userinfo) with the person's groups
	 * @param usernameClaim the claim with the username a new user gets
	 * @param adminGroups this provider's admin groups, instead of
	 * {@code cachet.sso.admin-groups}
	 * @param userGroups this provider's user groups, instead of
	 * {@code cachet.sso.user-groups}
	 * @param defaultRole this provider's default role, instead of
	 * {@code cachet.sso.default-role}
	 */
	record Provider(@Nullable String issuerUri, @Nullable String clientId, @Nullable String clientSecret,
			@DefaultValue( {
					"openid", "profile", "email" }) List<String> scopes,
			@Nullable String displayName, @DefaultValue("groups") String groupsClaim,
			@DefaultValue("preferred_username") String usernameClaim, @Nullable List<String> adminGroups,
			@Nullable List<String> userGroups, @Nullable UserLevel defaultRole){

		String displayNameOr(String id) {
			return (this.displayName != null && !this.displayName.isBlank()) ? this.displayName.strip() : id;
		}

		RoleMapping roles(RoleMapping shared) {
			return shared.overriddenBy(this.adminGroups, this.userGroups, this.defaultRole);
		}

	}

}
