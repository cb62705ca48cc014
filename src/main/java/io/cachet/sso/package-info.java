/**
 * Single sign-on for the dashboard: OpenID Connect providers and an LDAP / Active
 * Directory directory, configured by environment variables, on Spring Security's own
 * support ({@code oauth2-client}, {@code ldap}).
 * <p>
 * The pieces:
 * <ul>
 * <li>{@link io.cachet.sso.SsoSecurity} is what the dashboard's security configuration
 * applies: the login form's authentication (local passwords under the local-login policy,
 * then the directory) and the OpenID Connect login.</li>
 * <li>Whoever a provider vouches for becomes a dashboard user through
 * {@link io.cachet.user.ExternalSignIns} (just in time, linked by the provider's
 * subject), with the role their groups map to ({@link io.cachet.sso.RoleMapping}), at
 * every sign-in; the session's principal is then a {@link io.cachet.user.UserAccount}
 * like a password login's, so session revocation, roles and the audit log work the
 * same.</li>
 * <li>{@link io.cachet.sso.SignInOptions} is what the login page offers.</li>
 * <li>The OpenID Connect providers ({@code cachet.sso.oidc.<id>.*},
 * {@code CACHET_SSO_OIDC_<ID>_ISSUERURI}, …) exist only when one is configured; each is
 * read from its discovery document at its first use, not at start-up, so a provider that
 * is down stops neither the start nor the password login (see
 * {@code OidcClientRegistrations} and {@code OidcLogin}).</li>
 * <li>The directory ({@code LdapDirectory}, {@code cachet.sso.ldap.*}, on only when its
 * URL is set) checks the login form's password after the local accounts, with bounded
 * connect and read timeouts; its logins are
 * {@link io.cachet.sso.DirectoryAuthentication}s, which are never remembered and have no
 * local TOTP step. {@link io.cachet.sso.SignInSettings} is what the settings page shows,
 * and its connection test.</li>
 * </ul>
 * Local TOTP applies to password logins; people who sign in through a provider rely on
 * the provider's own MFA. See {@code docs/sso.md}.
 */
@ApplicationModule(allowedDependencies = { "settings", "shared", "user" })
@NullMarked
package io.cachet.sso;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
