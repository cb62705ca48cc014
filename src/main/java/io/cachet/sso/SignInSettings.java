package io.cachet.sso;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The sign-in methods as the settings page shows them (read-only: they come from the
 * environment), and the directory's connection test. Never shows a secret.
 */
@Component
public class SignInSettings {

	private final LocalLoginProperties localLogin;

	private final SsoSecurity security;

	private final SsoProperties sso;

	private final Optional<LdapDirectory> directory;

	SignInSettings(LocalLoginProperties localLogin, SsoSecurity security, SsoProperties sso,
			ObjectProvider<LdapDirectory> directory) {
		this.localLogin = localLogin;
		this.security = security;
		this.sso = sso;
		this.directory = Optional.ofNullable(directory.getIfAvailable());
	}

	/**
	 * @return what is configured
	 */
	public Summary summary() {
		String breakGlass = LdapProperties.has(this.localLogin.breakGlassAdmin())
				? this.localLogin.breakGlassAdmin().strip() : null;
		List<Setting> rows = this.directory.map(this::rows).orElse(List.of());
		return new Summary(this.localLogin.enabled(), breakGlass, this.security.signInOptions().buttons(),
				this.directory.map(LdapDirectory::displayName).orElse(null), rows);
	}

	/**
	 * Connects to the directory, binds with the manager DN (or anonymously) and reads the
	 * user search base, within the directory's timeouts.
	 * @return the outcome, in words for the admin
	 */
	public DirectoryCheck testDirectory() {
		return this.directory.map(LdapDirectory::check)
			.orElseGet(() -> new DirectoryCheck(false, "No directory is configured (CACHET_LDAP_URL)."));
	}

	private List<Setting> rows(LdapDirectory directory) {
		LdapProperties ldap = directory.properties();
		List<Setting> rows = new ArrayList<>();
		rows.add(new Setting("URL", ldap.url().strip()));
		rows.add(
				new Setting("Encryption",
						directory.tls() + (LdapProperties.has(ldap.trustCertificate())
								? ", trusting " + ldap.trustCertificate().strip()
								: (ldap.ldaps() || ldap.startTls()) ? ", trusting the JVM's trust store" : "")));
		if (ldap.activeDirectory()) {
			rows.add(new Setting("Active Directory domain", ldap.activeDirectoryDomain().strip()));
		}
		add(rows, "Base DN", ldap.base());
		add(rows, "User DN pattern", ldap.userDnPattern());
		add(rows, "User search base", ldap.userSearchBase());
		add(rows, "User search filter", ldap.userSearchFilter());
		rows.add(new Setting("Searches bind", ldap.hasManager() ? "as " + ldap.managerDn().strip() : "anonymously"));
		if (!ldap.activeDirectory()) {
			add(rows, "Group search base", ldap.groupSearchBase());
			add(rows, "Group search filter", ldap.groupSearchFilter());
			add(rows, "Group name attribute", ldap.groupRoleAttribute());
		}
		RoleMapping roles = ldap.roles(this.sso);
		rows.add(new Setting("Admin groups", list(roles.adminGroups())));
		rows.add(new Setting("User groups", list(roles.userGroups())));
		rows.add(new Setting("Default role",
				(roles.defaultRole() != null) ? roles.defaultRole().name().toLowerCase(java.util.Locale.ROOT)
						: "none (people in no mapped group are refused)"));
		rows.add(
				new Setting("Username and e-mail attributes", ldap.usernameAttribute() + ", " + ldap.emailAttribute()));
		rows.add(new Setting("Timeouts",
				"connect " + ldap.connectTimeout().toMillis() + " ms, read " + ldap.readTimeout().toMillis() + " ms"));
		return rows;
	}

	private static String list(java.util.Collection<String> groups) {
		return groups.isEmpty() ? "none" : String.join(", ", groups.stream().sorted().toList());
	}

	private static void add(List<Setting> rows, String label, @Nullable String value) {
		if (LdapProperties.has(value)) {
			rows.add(new Setting(label, value.strip()));
		}
	}

	/**
	 * @param localLogin whether everyone may log in with a local password
	 * @param breakGlassAdmin who still may when local login is off
	 * @param providers the OpenID Connect providers
	 * @param directoryName the directory's display name, or {@code null} when there is
	 * none
	 * @param directory the directory's settings
	 */
	public record Summary(boolean localLogin, @Nullable String breakGlassAdmin,
			List<SignInOptions.SignInButton> providers, @Nullable String directoryName, List<Setting> directory) {
	}

	public record Setting(String label, String value) {
	}

	/**
	 * The answer of the settings page's "Test connection".
	 */
	public record DirectoryCheck(boolean ok, String message) {
	}

}
