package io.cachet.sso;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cachet.IsolatedIntegrationTest;
import io.cachet.TestUsers;
import io.cachet.dashboard.FormClient;
import io.cachet.user.UserLevel;
import io.cachet.user.UserService;
import io.cachet.user.UserView;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in to the dashboard with a directory account, over HTTP, against a real LDAP
 * directory (UnboundID's in-memory server): bind by user DN pattern, groups by a group
 * search, the role mapping, refusals, a directory that is down, and the settings page's
 * connection test. Its own context: the application is configured for this directory.
 */
@IsolatedIntegrationTest
class LdapLoginIntegrationTests {

	static final String PASSWORD = "directory password";

	static final TestDirectory directory = TestDirectory.start(TestDirectory.Tls.NONE);

	@DynamicPropertySource
	static void ldap(DynamicPropertyRegistry registry) {
		registry.add("cachet.sso.ldap.url", directory::url);
		registry.add("cachet.sso.ldap.base", () -> TestDirectory.BASE);
		registry.add("cachet.sso.ldap.user-dn-pattern", () -> "uid={0},ou=people");
		registry.add("cachet.sso.ldap.group-search-base", () -> "ou=groups");
		registry.add("cachet.sso.ldap.display-name", () -> "Example Directory");
		registry.add("cachet.sso.ldap.connect-timeout", () -> "2s");
		registry.add("cachet.sso.ldap.read-timeout", () -> "2s");
		registry.add("cachet.sso.admin-groups", () -> TestDirectory.ADMINS);
		registry.add("cachet.sso.user-groups", () -> TestDirectory.USERS);
	}

	@AfterAll
	static void stopDirectory() {
		directory.close();
	}

	@LocalServerPort
	int port;

	@Autowired
	UserService users;

	@Autowired
	io.cachet.user.TwoFactorService twoFactor;

	@BeforeEach
	void setUp() {
		// the few wrong passwords here stay under the login throttle's free attempts
		TestUsers.ensureSetUp(this.users);
	}

	@Test
	void anAdminGroupMemberSignsInAsAdminAndIsNotRemembered() {
		String uid = "ada" + System.nanoTime();
		directory.addPerson(uid, PASSWORD, uid + "@corp.example", TestDirectory.ADMINS);
		FormClient browser = new FormClient(this.port);
		browser.get("/auth/login");
		var login = browser.post("/auth/login", Map.of("username", uid, "password", PASSWORD, "remember-me", "on"));
		assertThat(FormClient.location(login)).endsWith("/dashboard");
		// a directory login is asked of the directory each time: no 30-day cookie
		assertThat(browser.cookie("remember-me")).isEmpty();
		assertThat(browser.get("/dashboard").body()).contains("Overview");
		assertThat(browser.get("/dashboard/settings/setup").statusCode()).isEqualTo(200);

		UserView user = this.users.findByLogin(uid).orElseThrow();
		assertThat(user.level()).isEqualTo(UserLevel.ADMIN);
		assertThat(user.email()).isEqualTo(uid + "@corp.example");
	}

	@Test
	void aUserGroupMemberSignsInAsUserAndTheSameUserNextTime() {
		String uid = "bob" + System.nanoTime();
		directory.addPerson(uid, PASSWORD, uid + "@corp.example", TestDirectory.USERS, TestDirectory.OTHERS);
		FormClient browser = new FormClient(this.port);
		assertThat(FormClient.location(browser.logIn(uid, PASSWORD))).endsWith("/dashboard");
		assertThat(browser.get("/dashboard").body()).contains("Overview");
		assertThat(browser.get("/dashboard/settings/setup").statusCode()).isEqualTo(403);
		UserView user = this.users.findByLogin(uid).orElseThrow();
		assertThat(user.level()).isEqualTo(UserLevel.USER);

		assertThat(FormClient.location(new FormClient(this.port).logIn(uid, PASSWORD))).endsWith("/dashboard");
		assertThat(this.users.findAll().stream().filter((each) -> each.username().startsWith(uid))).hasSize(1);
	}

	@Test
	void someoneInNoMappedGroupIsRefusedWithAClearMessage() {
		String uid = "carol" + System.nanoTime();
		directory.addPerson(uid, PASSWORD, uid + "@corp.example", TestDirectory.OTHERS);
		FormClient browser = new FormClient(this.port);
		String location = FormClient.location(browser.logIn(uid, PASSWORD));
		assertThat(location).endsWith("/auth/login?refused=no_role");
		assertThat(browser.get(location.substring(location.indexOf("/auth/"))).body())
			.contains("not in a group that may use this dashboard");
		assertThat(this.users.findByLogin(uid)).isEmpty();
	}

	@Test
	void aWrongPasswordOrAnUnknownNameIsTheUsualError() {
		String uid = "dave" + System.nanoTime();
		directory.addPerson(uid, PASSWORD, uid + "@corp.example", TestDirectory.ADMINS);
		assertThat(FormClient.location(new FormClient(this.port).logIn(uid, "not the password")))
			.endsWith("/auth/login?error");
		assertThat(FormClient.location(new FormClient(this.port).logIn("nobody" + System.nanoTime(), PASSWORD)))
			.endsWith("/auth/login?error");
		// a DN pattern's special characters are escaped, not a way into another entry
		assertThat(FormClient.location(new FormClient(this.port).logIn(uid + ",ou=people", PASSWORD)))
			.endsWith("/auth/login?error");
	}

	/**
	 * Local TOTP is for local passwords: a directory login relies on the directory's MFA.
	 */
	@Test
	void aDirectoryLoginHasNoLocalCodeStep() throws Exception {
		String uid = "otto" + System.nanoTime();
		directory.addPerson(uid, PASSWORD, uid + "@corp.example", TestDirectory.USERS);
		assertThat(FormClient.location(new FormClient(this.port).logIn(uid, PASSWORD))).endsWith("/dashboard");
		String secret = this.twoFactor.newEnrollment(uid, "Cachet").secret();
		long step = Math.floorDiv(System.currentTimeMillis() / 1000, 30);
		String code = new dev.samstevens.totp.code.DefaultCodeGenerator(dev.samstevens.totp.code.HashingAlgorithm.SHA1)
			.generate(secret, step);
		assertThat(this.twoFactor.enable(this.users.findByLogin(uid).orElseThrow().id(), secret, code)).isTrue();
		assertThat(this.twoFactor.isEnabled(uid)).isTrue();

		FormClient browser = new FormClient(this.port);
		assertThat(FormClient.location(browser.logIn(uid, PASSWORD))).endsWith("/dashboard");
		assertThat(browser.get("/dashboard").body()).contains("Overview");
	}

	@Test
	void aDeactivatedUserIsRefusedWhateverTheDirectorySays() {
		String uid = "erin" + System.nanoTime();
		directory.addPerson(uid, PASSWORD, uid + "@corp.example", TestDirectory.ADMINS);
		assertThat(FormClient.location(new FormClient(this.port).logIn(uid, PASSWORD))).endsWith("/dashboard");
		this.users.setActive(this.users.findByLogin(uid).orElseThrow().id(), false);

		// the local accounts are checked first, and say it before the directory is asked
		// (the directory would refuse too: refused=deactivated)
		FormClient browser = new FormClient(this.port);
		String location = FormClient.location(browser.logIn(uid, PASSWORD));
		assertThat(location).containsAnyOf("/auth/login?disabled", "/auth/login?refused=deactivated");
		assertThat(browser.get(location.substring(location.indexOf("/auth/"))).body())
			.contains("This account is deactivated.");
	}

	@Test
	void aChangedGroupChangesTheRoleAtTheNextSignInAndEndsTheOldSession() {
		String uid = "frank" + System.nanoTime();
		directory.addPerson(uid, PASSWORD, uid + "@corp.example", TestDirectory.ADMINS);
		FormClient first = new FormClient(this.port);
		assertThat(FormClient.location(first.logIn(uid, PASSWORD))).endsWith("/dashboard");
		assertThat(first.get("/dashboard/settings/setup").statusCode()).isEqualTo(200);

		directory.setGroups(uid, TestDirectory.USERS);
		FormClient second = new FormClient(this.port);
		assertThat(FormClient.location(second.logIn(uid, PASSWORD))).endsWith("/dashboard");
		assertThat(this.users.findByLogin(uid).orElseThrow().level()).isEqualTo(UserLevel.USER);
		assertThat(second.get("/dashboard/settings/setup").statusCode()).isEqualTo(403);
		// the admin session of before ends: its role is no longer theirs
		assertThat(first.get("/dashboard/settings/setup").statusCode()).isEqualTo(302);

		directory.setGroups(uid);
		assertThat(FormClient.location(new FormClient(this.port).logIn(uid, PASSWORD)))
			.endsWith("/auth/login?refused=no_role");
	}

	@Test
	void aDirectoryThatIsDownIsSaidQuicklyAndLocalLoginStillWorks() {
		String uid = "gina" + System.nanoTime();
		directory.addPerson(uid, PASSWORD, uid + "@corp.example", TestDirectory.ADMINS);
		String local = "local" + System.nanoTime();
		this.users.createUser(TestUsers.admin(local));
		directory.stop();
		try {
			FormClient browser = new FormClient(this.port);
			long started = System.nanoTime();
			String location = FormClient.location(browser.logIn(uid, PASSWORD));
			Duration took = Duration.ofNanos(System.nanoTime() - started);
			assertThat(location).endsWith("/auth/login?unreachable=ldap");
			assertThat(took).isLessThan(Duration.ofSeconds(5));
			assertThat(browser.get("/auth/login?unreachable=ldap").body())
				.contains("Example Directory</span> cannot be reached");

			assertThat(FormClient.location(new FormClient(this.port).logIn(local, "correct horse battery")))
				.endsWith("/dashboard");
		}
		finally {
			directory.restart();
		}
		assertThat(FormClient.location(new FormClient(this.port).logIn(uid, PASSWORD))).endsWith("/dashboard");
	}

	@Test
	void theSettingsShowTheDirectoryAndTestTheConnection() {
		String admin = "settings" + System.nanoTime();
		this.users.createUser(TestUsers.admin(admin));
		FormClient browser = new FormClient(this.port);
		assertThat(FormClient.location(browser.logIn(admin, "correct horse battery"))).endsWith("/dashboard");

		String page = browser.get("/dashboard/settings/sign-in").body();
		assertThat(page).contains("Example Directory")
			.contains(directory.url())
			.contains("uid={0},ou=people")
			.contains("anonymously")
			.contains(TestDirectory.ADMINS)
			.contains("Everyone may log in with a password");

		var tested = browser.post("/dashboard/settings/sign-in/test-ldap", Map.of());
		assertThat(FormClient.location(tested)).endsWith("/dashboard/settings/sign-in");
		assertThat(browser.get("/dashboard/settings/sign-in").body()).contains("Connected to " + directory.url())
			.contains("bound anonymously");

		directory.stop();
		try {
			long started = System.nanoTime();
			var failed = browser.post("/dashboard/settings/sign-in/test-ldap", Map.of());
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
			assertThat(FormClient.location(failed)).endsWith("/dashboard/settings/sign-in");
			assertThat(browser.get("/dashboard/settings/sign-in").body()).contains("The test failed");
		}
		finally {
			directory.restart();
		}
	}

}
