package io.cachet.sso;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import io.cachet.IsolatedIntegrationTest;
import io.cachet.TestUsers;
import io.cachet.browser.Chromium;
import io.cachet.dashboard.FormClient;
import io.cachet.user.UserLevel;
import io.cachet.user.UserService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in with a directory that is searched with a filter as the manager DN, over
 * StartTLS with a certificate made for the test, with the directory's own role mapping;
 * over HTTP and in a real headless Chromium. Its own context: the application is
 * configured for this directory.
 */
@IsolatedIntegrationTest
class LdapSearchStartTlsIntegrationTests {

	static final String PASSWORD = "directory password";

	static final TestDirectory directory = TestDirectory.start(TestDirectory.Tls.START_TLS);

	@DynamicPropertySource
	static void ldap(DynamicPropertyRegistry registry) {
		registry.add("cachet.sso.ldap.url", directory::url);
		registry.add("cachet.sso.ldap.start-tls", () -> "true");
		registry.add("cachet.sso.ldap.trust-certificate", () -> directory.certificate().toString());
		registry.add("cachet.sso.ldap.base", () -> TestDirectory.BASE);
		registry.add("cachet.sso.ldap.user-search-base", () -> "ou=people");
		registry.add("cachet.sso.ldap.user-search-filter", () -> "(|(uid={0})(mail={0}))");
		registry.add("cachet.sso.ldap.manager-dn", () -> TestDirectory.MANAGER_DN);
		registry.add("cachet.sso.ldap.manager-password", () -> TestDirectory.MANAGER_PASSWORD);
		registry.add("cachet.sso.ldap.group-search-base", () -> "ou=groups");
		registry.add("cachet.sso.ldap.display-name", () -> "Corporate LDAP");
		// the directory's own mapping wins over the shared one
		registry.add("cachet.sso.admin-groups", () -> "someone-else");
		registry.add("cachet.sso.ldap.admin-groups", () -> TestDirectory.ADMINS);
		registry.add("cachet.sso.ldap.default-role", () -> "user");
	}

	@AfterAll
	static void stopDirectory() {
		directory.close();
	}

	@LocalServerPort
	int port;

	@Autowired
	UserService users;

	@Test
	void signsInFoundByASearchOverStartTls() {
		TestUsers.ensureSetUp(this.users);
		String uid = "hank" + System.nanoTime();
		directory.addPerson(uid, PASSWORD, uid + "@corp.example", TestDirectory.ADMINS);
		// by the e-mail address, which the filter also matches
		FormClient browser = new FormClient(this.port);
		assertThat(FormClient.location(browser.logIn(uid + "@corp.example", PASSWORD))).endsWith("/dashboard");
		assertThat(browser.get("/dashboard/settings/setup").statusCode()).isEqualTo(200);
		assertThat(this.users.findByLogin(uid).orElseThrow().level()).isEqualTo(UserLevel.ADMIN);

		assertThat(FormClient.location(new FormClient(this.port).logIn(uid, "not the password")))
			.endsWith("/auth/login?error");
	}

	@Test
	void theDefaultRoleAdmitsSomeoneInNoMappedGroup() {
		TestUsers.ensureSetUp(this.users);
		String uid = "iris" + System.nanoTime();
		directory.addPerson(uid, PASSWORD, uid + "@corp.example", TestDirectory.OTHERS);
		assertThat(FormClient.location(new FormClient(this.port).logIn(uid, PASSWORD))).endsWith("/dashboard");
		assertThat(this.users.findByLogin(uid).orElseThrow().level()).isEqualTo(UserLevel.USER);
	}

	@Test
	void theSettingsTestBindsAsTheManagerOverStartTlsAndNeverShowItsPassword() {
		String admin = "tls" + System.nanoTime();
		this.users.createUser(TestUsers.admin(admin));
		FormClient browser = new FormClient(this.port);
		assertThat(FormClient.location(browser.logIn(admin, "correct horse battery"))).endsWith("/dashboard");
		String page = browser.get("/dashboard/settings/sign-in").body();
		assertThat(page).contains("Corporate LDAP")
			.contains("with StartTLS, trusting " + directory.certificate())
			.contains("(|(uid={0})(mail={0}))")
			.contains("as " + TestDirectory.MANAGER_DN)
			.doesNotContain(TestDirectory.MANAGER_PASSWORD);
		browser.post("/dashboard/settings/sign-in/test-ldap", Map.of());
		assertThat(browser.get("/dashboard/settings/sign-in").body()).contains("with StartTLS, bound as")
			.contains("read ou=people," + TestDirectory.BASE)
			.doesNotContain(TestDirectory.MANAGER_PASSWORD);
	}

	/**
	 * The login page and form in a real headless Chromium, with a directory account.
	 */
	@Nested
	class InTheBrowser {

		@RegisterExtension
		final Chromium browser = new Chromium();

		@Test
		void aDirectoryAccountSignsInWithTheLoginForm() {
			TestUsers.ensureSetUp(LdapSearchStartTlsIntegrationTests.this.users);
			String uid = "jane" + System.nanoTime();
			directory.addPerson(uid, PASSWORD, uid + "@corp.example", TestDirectory.ADMINS);
			this.browser.open("/auth/login");
			this.browser.type("username", uid);
			this.browser.type("password", PASSWORD);
			this.browser.click(By.cssSelector("button[type=submit]"));
			this.browser.waitForText(By.tagName("h1"), "Overview");
			assertThat(this.browser.driver().manage().getCookieNamed("remember-me")).isNull();

			this.browser.open("/dashboard/settings/sign-in");
			this.browser.click(By.cssSelector("#ldap-test button"));
			this.browser.waitForText(By.id("ldap-test-result"), "Connected to " + directory.url());
			assertThat(this.browser.consoleErrors()).isEmpty();
			assertThat(this.browser.cspViolations()).isEmpty();
		}

	}

}
