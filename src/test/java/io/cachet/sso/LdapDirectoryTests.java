package io.cachet.sso;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

import io.cachet.user.ExternalIdentity;
import io.cachet.user.ExternalSignInRefusedException;
import io.cachet.user.ExternalSignIns;
import io.cachet.user.UserLevel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The directory's settings, their binding, its timeouts against a directory that does not
 * answer, and TLS (StartTLS, LDAPS) against a real in-memory directory with a certificate
 * made for the test: without the application, which {@link LdapLoginIntegrationTests} and
 * {@link LdapSearchStartTlsIntegrationTests} add.
 */
class LdapDirectoryTests {

	static LdapProperties bind(Map<String, String> properties) {
		Map<String, String> prefixed = new HashMap<>();
		properties.forEach((key, value) -> prefixed.put("cachet.sso.ldap." + key, value));
		return new Binder(new MapConfigurationPropertySource(prefixed)).bindOrCreate("cachet.sso.ldap",
				LdapProperties.class);
	}

	static LdapDirectory directory(LdapProperties properties, ExternalSignIns signIns) {
		return new LdapDirectory(properties, RoleMapping.of(List.of(TestDirectory.ADMINS), List.of(), null), false,
				signIns);
	}

	@Test
	void bindsWithTheDocumentedDefaults() {
		LdapProperties ldap = bind(Map.of("url", "ldap://directory.example:389"));
		assertThat(ldap.enabled()).isTrue();
		assertThat(ldap.groupSearchFilter()).isEqualTo("(member={0})");
		assertThat(ldap.groupRoleAttribute()).isEqualTo("cn");
		assertThat(ldap.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
		assertThat(ldap.readTimeout()).isEqualTo(Duration.ofSeconds(5));
		assertThat(ldap.displayName()).isEqualTo("Directory");
		assertThat(ldap.emailAttribute()).isEqualTo("mail");
		assertThat(ldap.usernameAttribute()).isEqualTo("uid");
		assertThat(ldap.startTls()).isFalse();
		assertThat(ldap.activeDirectory()).isFalse();
		assertThat(ldap.adminGroups()).isEmpty();
		assertThat(ldap.problems()).containsExactly("Set cachet.sso.ldap.user-dn-pattern or "
				+ "cachet.sso.ldap.user-search-filter (or cachet.sso.ldap.active-directory-domain)");
		assertThat(bind(Map.of()).enabled()).isFalse();
	}

	/**
	 * The {@code CACHET_LDAP_*} variables, through the placeholders of
	 * {@code application.properties}: unset, LDAP is off.
	 */
	@Test
	void theEnvironmentVariablesReachTheProperties() throws IOException {
		assertThat(fromEnvironment(Map.of()).enabled()).isFalse();
		assertThat(fromEnvironment(Map.of()).groupSearchFilter()).isEqualTo("(member={0})");

		Map<String, Object> variables = new HashMap<>();
		variables.put("CACHET_LDAP_URL", "ldaps://dc1.corp.example:636");
		variables.put("CACHET_LDAP_BASE", "dc=corp,dc=example");
		variables.put("CACHET_LDAP_USER_SEARCH_BASE", "ou=people");
		variables.put("CACHET_LDAP_USER_SEARCH_FILTER", "(sAMAccountName={0})");
		variables.put("CACHET_LDAP_MANAGER_DN", "cn=reader,dc=corp,dc=example");
		variables.put("CACHET_LDAP_MANAGER_PASSWORD", "s3cret");
		variables.put("CACHET_LDAP_GROUP_SEARCH_FILTER", "(uniqueMember={0})");
		variables.put("CACHET_LDAP_TRUST_CERTIFICATE", "/etc/cachet/ca.pem");
		variables.put("CACHET_LDAP_CONNECT_TIMEOUT", "2s");
		variables.put("CACHET_LDAP_READ_TIMEOUT", "1500ms");
		variables.put("CACHET_LDAP_DISPLAY_NAME", "Corporate directory");
		variables.put("CACHET_LDAP_ADMIN_GROUPS", "Status Admins, Ops");
		variables.put("CACHET_LDAP_DEFAULT_ROLE", "user");
		variables.put("CACHET_LDAP_START_TLS", "false");
		LdapProperties ldap = fromEnvironment(variables);
		assertThat(ldap.enabled()).isTrue();
		assertThat(ldap.ldaps()).isTrue();
		assertThat(ldap.userSearchFilter()).isEqualTo("(sAMAccountName={0})");
		assertThat(ldap.managerPassword()).isEqualTo("s3cret");
		assertThat(ldap.groupSearchFilter()).isEqualTo("(uniqueMember={0})");
		assertThat(ldap.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
		assertThat(ldap.readTimeout()).isEqualTo(Duration.ofMillis(1500));
		assertThat(ldap.adminGroups()).containsExactly("Status Admins", "Ops");
		assertThat(ldap.defaultRole()).isEqualTo(UserLevel.USER);
		assertThat(ldap.problems()).isEmpty();
		assertThat(ldap.toString()).doesNotContain("s3cret");

		var shared = new SsoProperties(List.of("cachet-admins"), List.of("staff"), null, false);
		RoleMapping roles = ldap.roles(shared);
		assertThat(roles.levelFor(List.of("ops"))).contains(UserLevel.ADMIN);
		assertThat(roles.levelFor(List.of("cachet-admins"))).contains(UserLevel.USER); // the
																						// default
																						// role
		assertThat(roles.levelFor(List.of("staff"))).contains(UserLevel.USER);
	}

	private static LdapProperties fromEnvironment(Map<String, Object> variables) throws IOException {
		var environment = new StandardEnvironment();
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		environment.getPropertySources().addFirst(new MapPropertySource("variables", variables));
		Properties application = new Properties();
		try (InputStream in = LdapDirectoryTests.class.getResourceAsStream("/application.properties")) {
			application.load(in);
		}
		environment.getPropertySources().addLast(new PropertiesPropertySource("application", application));
		return Binder.get(environment).bindOrCreate("cachet.sso.ldap", LdapProperties.class);
	}

	@Test
	void saysWhatIsWrongWithTheSettings() {
		assertThat(bind(Map.of("url", "http://directory.example", "user-dn-pattern", "uid={0}")).problems())
			.containsExactly("cachet.sso.ldap.url must start with ldap:// or ldaps://");
		assertThat(bind(Map.of("url", "ldaps://directory.example", "user-dn-pattern", "uid={0}", "start-tls", "true"))
			.problems()).hasSize(1);
		assertThat(bind(Map.of("url", "ldap://directory.example", "user-dn-pattern", "uid={0}", "read-timeout", "0s"))
			.problems()).hasSize(1);
		assertThat(bind(Map.of("url", "ldap://dc.corp.example", "active-directory-domain", "corp.example")).problems())
			.isEmpty();
		assertThatThrownBy(
				() -> directory(bind(Map.of("url", "ldap://directory.example")), mock(ExternalSignIns.class)))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("user-dn-pattern");
	}

	@Test
	void normalizesTheDnThatLinksAPerson() {
		assertThat(LdapDirectory.normalizedDn("UID=Ada.Lovelace , OU=People,DC=Example,DC=com"))
			.isEqualTo("uid=ada.lovelace,ou=people,dc=example,dc=com")
			.isEqualTo(LdapDirectory.normalizedDn("uid=ada.lovelace,ou=people,dc=example,dc=com"));
		assertThat(LdapDirectory.normalizedDn("cn=Smith\\, Jane,ou=people,dc=example,dc=com"))
			.isEqualTo("cn=smith\\, jane,ou=people,dc=example,dc=com");
	}

	/**
	 * A directory that accepts the connection and never answers: the login form must not
	 * wait for it longer than the read timeout, and says the directory is unavailable
	 * rather than that the password is wrong.
	 */
	@Test
	void aDirectoryThatDoesNotAnswerTimesOutQuickly() throws IOException {
		try (SilentServer silent = new SilentServer()) {
			for (Map<String, String> mode : List.of(Map.of("user-dn-pattern", "uid={0},ou=people"),
					Map.of("user-search-filter", "(uid={0})"), Map.of("active-directory-domain", "corp.example"))) {
				Map<String, String> settings = new HashMap<>(mode);
				settings.put("url", "ldap://127.0.0.1:" + silent.port());
				settings.put("base", "dc=example,dc=com");
				settings.put("read-timeout", "500ms");
				settings.put("connect-timeout", "500ms");
				LdapDirectory directory = directory(bind(settings), mock(ExternalSignIns.class));

				long started = System.nanoTime();
				assertThatThrownBy(() -> directory
					.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("ada", "password")))
					.as("%s", mode)
					.isInstanceOf(ProviderUnavailableException.class)
					.satisfies((ex) -> assertThat(((ProviderUnavailableException) ex).providerId()).isEqualTo("ldap"));
				assertThat(Duration.ofNanos(System.nanoTime() - started)).as("%s", mode)
					.isLessThan(Duration.ofSeconds(3));

				started = System.nanoTime();
				SignInSettings.DirectoryCheck check = directory.check();
				assertThat(check.ok()).isFalse();
				assertThat(check.message()).startsWith("The test failed");
				assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
			}
		}
	}

	@Test
	void aDirectoryThatIsNotThereIsUnavailableAtOnce() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
			port = socket.getLocalPort();
		}
		LdapDirectory directory = directory(
				bind(Map.of("url", "ldap://127.0.0.1:" + port, "user-dn-pattern", "uid={0},ou=people")),
				mock(ExternalSignIns.class));
		assertThatThrownBy(
				() -> directory.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("ada", "password")))
			.isInstanceOf(ProviderUnavailableException.class)
			.hasMessage("Directory cannot be reached");
	}

	/**
	 * A wrong manager password is the directory settings' fault, not the person's: the
	 * login page says the directory cannot be used, and the test says why.
	 */
	@Test
	void aWrongManagerPasswordIsNotAWrongPassword() {
		try (TestDirectory directory = TestDirectory.start(TestDirectory.Tls.NONE)) {
			directory.addPerson("ada", "ada's password", "ada@corp.example", TestDirectory.ADMINS);
			LdapDirectory misconfigured = directory(
					bind(Map.of("url", directory.url(), "base", TestDirectory.BASE, "user-search-filter", "(uid={0})",
							"manager-dn", TestDirectory.MANAGER_DN, "manager-password", "not the manager password")),
					mock(ExternalSignIns.class));
			assertThatThrownBy(() -> misconfigured
				.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("ada", "ada's password")))
				.isInstanceOf(ProviderUnavailableException.class);
			// and a filter that finds two entries signs nobody in
			directory.addPerson("ada2", "ada's password", "ada@corp.example", TestDirectory.ADMINS);
			LdapDirectory ambiguous = directory(bind(
					Map.of("url", directory.url(), "base", TestDirectory.BASE, "user-search-filter", "(mail={0})")),
					mock(ExternalSignIns.class));
			assertThatThrownBy(() -> ambiguous.authenticate(
					UsernamePasswordAuthenticationToken.unauthenticated("ada@corp.example", "ada's password")))
				.isInstanceOf(BadCredentialsException.class);

			SignInSettings.DirectoryCheck check = misconfigured.check();
			assertThat(check.ok()).isFalse();
			assertThat(check.message()).startsWith("The test failed (binding as " + TestDirectory.MANAGER_DN + ")")
				.doesNotContain("not the manager password");
		}
	}

	/**
	 * StartTLS with the test certificate: refused with the JVM's trust store (so TLS was
	 * really negotiated), accepted with {@code trust-certificate}; a bind, a user search
	 * and a group search over it.
	 */
	@Test
	void startTlsTrustsTheConfiguredCertificate() {
		try (TestDirectory directory = TestDirectory.start(TestDirectory.Tls.START_TLS)) {
			directory.addPerson("ada", "ada's password", "ada@corp.example", TestDirectory.ADMINS);
			Map<String, String> settings = new HashMap<>(
					Map.of("url", directory.url(), "base", TestDirectory.BASE, "start-tls", "true", "user-search-base",
							"ou=people", "user-search-filter", "(uid={0})", "manager-dn", TestDirectory.MANAGER_DN,
							"manager-password", TestDirectory.MANAGER_PASSWORD, "group-search-base", "ou=groups"));
			SignInSettings.DirectoryCheck untrusted = directory(bind(settings), mock(ExternalSignIns.class)).check();
			assertThat(untrusted.ok()).isFalse();
			assertThat(untrusted.message()).containsIgnoringCase("certificat");

			settings.put("trust-certificate", directory.certificate().toString());
			ExternalSignIns signIns = mock(ExternalSignIns.class);
			LdapDirectory trusted = directory(bind(settings), signIns);
			SignInSettings.DirectoryCheck check = trusted.check();
			assertThat(check.ok()).as(check.message()).isTrue();
			assertThat(check.message()).contains("with StartTLS").contains("bound as " + TestDirectory.MANAGER_DN);
			assertSignsInAda(trusted, signIns);

			assertThatThrownBy(() -> trusted
				.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("ada", "not ada's password")))
				.isInstanceOf(BadCredentialsException.class);
		}
	}

	@Test
	void ldapsTrustsTheConfiguredCertificate() {
		try (TestDirectory directory = TestDirectory.start(TestDirectory.Tls.LDAPS)) {
			directory.addPerson("ada", "ada's password", "ada@corp.example", TestDirectory.ADMINS);
			Map<String, String> settings = new HashMap<>(Map.of("url", directory.url(), "base", TestDirectory.BASE,
					"user-dn-pattern", "uid={0},ou=people", "group-search-base", "ou=groups"));
			SignInSettings.DirectoryCheck untrusted = directory(bind(settings), mock(ExternalSignIns.class)).check();
			assertThat(untrusted.ok()).isFalse();

			settings.put("trust-certificate", directory.certificate().toString());
			ExternalSignIns signIns = mock(ExternalSignIns.class);
			LdapDirectory trusted = directory(bind(settings), signIns);
			SignInSettings.DirectoryCheck check = trusted.check();
			assertThat(check.ok()).as(check.message()).isTrue();
			assertThat(check.message()).contains("over TLS (ldaps)").contains("bound anonymously");
			assertSignsInAda(trusted, signIns);
		}
	}

	/**
	 * Ada's bind and groups reach the just-in-time sign-in (refused there, as the mock
	 * has no account to give).
	 */
	@SuppressWarnings("unchecked")
	private static void assertSignsInAda(LdapDirectory directory, ExternalSignIns signIns) {
		when(signIns.signIn(any(), any(), anyBoolean()))
			.thenThrow(new ExternalSignInRefusedException(ExternalSignInRefusedException.Reason.DEACTIVATED));
		assertThatThrownBy(() -> directory
			.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("ada", "ada's password")))
			.isInstanceOf(SignInRefusedException.class);
		ArgumentCaptor<ExternalIdentity> identity = ArgumentCaptor.forClass(ExternalIdentity.class);
		ArgumentCaptor<Optional<UserLevel>> level = ArgumentCaptor.forClass(Optional.class);
		verify(signIns).signIn(identity.capture(), level.capture(), org.mockito.ArgumentMatchers.eq(false));
		assertThat(identity.getValue()).isEqualTo(
				new ExternalIdentity("ldap", "uid=ada,ou=people,dc=example,dc=com", "ada", "ada@corp.example", true));
		assertThat(level.getValue()).contains(UserLevel.ADMIN);
	}

	/** Accepts connections and reads them, never answering. */
	private static final class SilentServer implements AutoCloseable {

		private final ServerSocket socket;

		private final List<Socket> accepted = new ArrayList<>();

		SilentServer() throws IOException {
			this.socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
			Thread acceptor = new Thread(() -> {
				try {
					while (!this.socket.isClosed()) {
						Socket connection = this.socket.accept();
						synchronized (this.accepted) {
							this.accepted.add(connection);
						}
					}
				}
				catch (IOException ex) {
					// closed
				}
			}, "silent-ldap");
			acceptor.setDaemon(true);
			acceptor.start();
		}

		int port() {
			return this.socket.getLocalPort();
		}

		@Override
		public void close() throws IOException {
			this.socket.close();
			synchronized (this.accepted) {
				for (Socket connection : this.accepted) {
					connection.close();
				}
			}
		}

	}

}
