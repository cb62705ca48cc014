package io.cachet.sso;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.cachet.user.UserLevel;

/**
 * The LDAP / Active Directory directory whose people may log in with the login form
 * ({@code cachet.sso.ldap.*}, {@code CACHET_LDAP_*}). LDAP is on only when {@code url} is
 * set; an empty value counts as unset, as the placeholders of
 * {@code application.properties} give empty values.
 *
 * @param url {@code ldap://host:389} or {@code ldaps://host:636}
 * @param base the base DN that the DNs and search bases below are relative to, e.g.
 * {@code dc=example,dc=com}
 * @param userDnPattern where a person's entry is, from the typed name: e.g.
 * {@code uid={0},ou=people}; the password is checked by binding as it
 * @param userSearchBase where to search for a person's entry, with
 * {@code userSearchFilter}, when there is no DN pattern
 * @param userSearchFilter e.g. {@code (uid={0})}: the search is made with the manager DN,
 * or anonymously
 * @param managerDn the (full) DN to bind as for searches, or none for anonymous searches
 * @param managerPassword its password (from the environment; never shown)
 * @param groupSearchBase where the groups are, e.g. {@code ou=groups}
 * @param groupSearchFilter the groups of a person: {@code {0}} is their entry's full DN,
 * {@code {1}} the typed name
 * @param groupRoleAttribute the attribute of a group entry whose value is the group name
 * that the role mapping names
 * @param startTls whether to upgrade an {@code ldap://} connection with StartTLS before
 * any password is sent
 * @param trustCertificate a PEM file of the CA (or self-signed) certificates to trust for
 * {@code ldaps://} and StartTLS, instead of the JVM's trust store
 * @param connectTimeout how long to wait for the directory's TCP (and TLS) connection
 * @param readTimeout how long to wait for each answer of the directory (the bind, a
 * search); with the connect timeout this bounds how long a slow or dead directory keeps
 * the login form waiting
 * @param displayName what the login page and the settings call the directory
 * @param emailAttribute the attribute holding a person's e-mail address
 * @param usernameAttribute the attribute that names a new user here (when the entry has
 * none, the typed name)
 * @param activeDirectoryDomain when set, the directory is Active Directory: people sign
 * in with their user principal name ({@code name@domain}, or {@code name}, to which
 * {@code @domain} is added), and their groups are their entry's {@code memberOf}
 * @param adminGroups this directory's admin groups, instead of {@code cachet.sso.*}'s
 * @param userGroups this directory's user groups, instead of {@code cachet.sso.*}'s
 * @param defaultRole this directory's default role, instead of {@code cachet.sso.*}'s
 */
@ConfigurationProperties("cachet.sso.ldap")
record LdapProperties(@Nullable String url, @DefaultValue("") String base, @Nullable String userDnPattern,
		@Nullable String userSearchBase, @Nullable String userSearchFilter, @Nullable String managerDn,
		@Nullable String managerPassword, @DefaultValue("") String groupSearchBase,
		@DefaultValue("(member={0})") String groupSearchFilter, @DefaultValue("cn") String groupRoleAttribute,
		boolean startTls, @Nullable String trustCertificate, @DefaultValue("5s") Duration connectTimeout,
		@DefaultValue("5s") Duration readTimeout, @DefaultValue("Directory") String displayName,
		@DefaultValue("mail") String emailAttribute, @DefaultValue("uid") String usernameAttribute,
		@Nullable String activeDirectoryDomain, @DefaultValue List<String> adminGroups,
		@DefaultValue List<String> userGroups, @Nullable UserLevel defaultRole) {

	/**
	 * @return whether a directory is configured
	 */
	boolean enabled() {
		return has(this.url);
	}

	boolean activeDirectory() {
		return has(this.activeDirectoryDomain);
	}

	boolean ldaps() {
		return this.url != null && this.url.strip().toLowerCase(Locale.ROOT).startsWith("ldaps://");
	}

	boolean hasManager() {
		return has(this.managerDn);
	}

	/**
	 * @return the problems that keep this configuration from working, in words for the
	 * admin who set it; empty when there are none
	 */
	List<String> problems() {
		if (!enabled()) {
			return List.of();
		}
		java.util.ArrayList<String> problems = new java.util.ArrayList<>();
		String lower = this.url.strip().toLowerCase(Locale.ROOT);
		if (!lower.startsWith("ldap://") && !lower.startsWith("ldaps://")) {
			problems.add("cachet.sso.ldap.url must start with ldap:// or ldaps://");
		}
		if (this.startTls && ldaps()) {
			problems.add("cachet.sso.ldap.start-tls is for ldap:// URLs: an ldaps:// connection is encrypted already");
		}
		if (this.startTls && activeDirectory()) {
			problems.add("StartTLS is not supported with Active Directory: use an ldaps:// URL");
		}
		if (!activeDirectory() && !has(this.userDnPattern) && !has(this.userSearchFilter)) {
			problems.add("Set cachet.sso.ldap.user-dn-pattern or cachet.sso.ldap.user-search-filter "
					+ "(or cachet.sso.ldap.active-directory-domain)");
		}
		if (this.connectTimeout.isNegative() || this.connectTimeout.isZero() || this.readTimeout.isNegative()
				|| this.readTimeout.isZero()) {
			problems
				.add("The LDAP timeouts must be positive: a directory that does not answer must not hang the login");
		}
		return problems;
	}

	/**
	 * @return the role mapping of this directory: its own groups and default role where
	 * it sets them, the shared ones elsewhere
	 */
	RoleMapping roles(SsoProperties shared) {
		return shared.roles().overriddenBy(this.adminGroups, this.userGroups, this.defaultRole);
	}

	static boolean has(@Nullable String value) {
		return value != null && !value.isBlank();
	}

	@Override
	public String toString() {
		// the manager password stays out of logs
		return "LdapProperties[url=" + this.url + ", base=" + this.base + ", managerDn=" + this.managerDn + "]";
	}

}
