package io.cachet.sso;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import io.cachet.IsolatedIntegrationTest;
import io.cachet.TestUsers;
import io.cachet.browser.Chromium;
import io.cachet.sso.testidp.TestIdentityProvider;
import io.cachet.user.UserLevel;
import io.cachet.user.UserService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenID Connect sign-in against a real provider (Spring Authorization Server,
 * {@link TestIdentityProvider}) in a real headless Chromium: the login page's button, the
 * provider's login form, back in the dashboard with the role of the person's groups; a
 * wrong password at the provider, a person in no mapped group, a deactivated user, a
 * changed group at the next sign-in, a provider that cannot be reached (with the password
 * login still working) or fails at the callback, and the logout that ends the provider's
 * session too.
 * <p>
 * Its own context: the providers' properties. The dashboard is opened at
 * {@code 127.0.0.1} (the provider refuses {@code localhost} redirect URIs, as OAuth 2.1
 * says), the provider at {@code localhost}: two hosts, so their cookies never mix.
 */
@IsolatedIntegrationTest
class OidcSignInBrowserTests {

	static final TestIdentityProvider idp = TestIdentityProvider.start();

	@RegisterExtension
	final Chromium browser = new Chromium();

	@LocalServerPort
	int port;

	@Autowired
	UserService users;

	@DynamicPropertySource
	static void providers(DynamicPropertyRegistry registry) {
		registry.add("cachet.sso.oidc.test.issuer-uri", idp::issuer);
		registry.add("cachet.sso.oidc.test.client-id", () -> TestIdentityProvider.CLIENT_ID);
		registry.add("cachet.sso.oidc.test.client-secret", () -> TestIdentityProvider.CLIENT_SECRET);
		registry.add("cachet.sso.oidc.test.display-name", () -> "Test IdP");
		registry.add("cachet.sso.oidc.down.issuer-uri", () -> "http://127.0.0.1:" + deadPort());
		registry.add("cachet.sso.oidc.down.client-id", () -> "cachet");
		registry.add("cachet.sso.oidc.down.display-name", () -> "Down IdP");
		registry.add("cachet.sso.admin-groups", () -> "cachet-admins");
		registry.add("cachet.sso.user-groups", () -> "cachet-users");
	}

	@AfterAll
	static void stopProvider() {
		idp.close();
	}

	@BeforeEach
	void allowThisApplication() {
		idp.allow(app(""), "test");
		TestUsers.ensureSetUp(this.users);
	}

	@Test
	void anAdminSignsInThroughTheProviderAndLogsOutOfBoth() {
		signIn("alice", TestIdentityProvider.PASSWORD);
		waitForDashboard();
		assertThat(this.users.findByLogin("alice")).hasValueSatisfying((alice) -> {
			assertThat(alice.level()).isEqualTo(UserLevel.ADMIN);
			assertThat(alice.email()).isEqualTo("alice@idp.example");
		});
		open("/dashboard/settings");
		this.browser.waitForText(By.tagName("h1"), "Settings");
		assertThat(this.browser.cspViolations()).isEmpty();

		this.browser.click(By.cssSelector(".logout button"));
		this.browser.until((driver) -> driver.getCurrentUrl().startsWith(app("/auth/login?logout")));
		this.browser.waitForText(By.cssSelector(".notice"), "logged out");
		assertThat(this.browser.cspViolations()).isEmpty();
		open("/dashboard");
		this.browser.until((driver) -> driver.getCurrentUrl().startsWith(app("/auth/login")));
		// the provider's session ended too: it asks for the password again
		this.browser.click(By.cssSelector("a[data-provider=test]"));
		this.browser.until((driver) -> driver.getCurrentUrl().startsWith(idp.issuer() + "/login"));
	}

	@Test
	void aUserSignsInWithTheUserRoleAndGetsThePageTheyAskedFor() {
		open("/dashboard/incidents");
		this.browser.until((driver) -> driver.getCurrentUrl().startsWith(app("/auth/login")));
		this.browser.click(By.cssSelector("a[data-provider=test]"));
		this.browser.until((driver) -> driver.getCurrentUrl().startsWith(idp.issuer() + "/login"));
		this.browser.type("username", "bob");
		this.browser.type("password", TestIdentityProvider.PASSWORD);
		this.browser.click(By.cssSelector("button[type=submit]"));
		this.browser.until((driver) -> driver.getCurrentUrl().startsWith(app("/dashboard/incidents")));
		this.browser.waitForText(By.tagName("h1"), "Incidents");
		open("/dashboard/settings");
		this.browser.waitForText(By.tagName("h1"), "403");
		assertThat(this.users.findByLogin("bob")).hasValueSatisfying((bob) -> {
			assertThat(bob.level()).isEqualTo(UserLevel.USER);
		});
	}

	@Test
	void aWrongPasswordStaysAtTheProvider() {
		signIn("alice", "not the password");
		this.browser.until((driver) -> driver.getCurrentUrl().startsWith(idp.issuer() + "/login?error"));
		this.browser.waitFor(By.cssSelector(".alert-danger"));
	}

	@Test
	void someoneInNoMappedGroupIsRefusedWithAClearMessage() {
		signIn("carol", TestIdentityProvider.PASSWORD);
		this.browser.until((driver) -> driver.getCurrentUrl().startsWith(app("/auth/login?refused=no_role")));
		this.browser.waitForText(By.cssSelector(".notice.error"), "not in a group that may use this dashboard");
		assertThat(this.users.findByLogin("carol")).isEmpty();
	}

	@Test
	void aDeactivatedUserIsRefusedWhateverTheProviderSays() {
		signIn("dave", TestIdentityProvider.PASSWORD);
		waitForDashboard();
		long dave = this.users.findByLogin("dave").orElseThrow().id();
		this.users.setActive(dave, false);
		open("/dashboard");
		this.browser.until((driver) -> driver.getCurrentUrl().startsWith(app("/auth/login?expired")));
		// still signed in at the provider: straight back, and refused
		this.browser.click(By.cssSelector("a[data-provider=test]"));
		this.browser.until((driver) -> driver.getCurrentUrl().startsWith(app("/auth/login?refused=deactivated")));
		this.browser.waitForText(By.cssSelector(".notice.error"), "deactivated");
	}

	@Test
	void aChangedGroupGivesTheNewRoleAtTheNextSignIn() {
		signIn("erin", TestIdentityProvider.PASSWORD);
		waitForDashboard();
		open("/dashboard/settings");
		this.browser.waitForText(By.tagName("h1"), "403");

		idp.setGroups("erin", List.of("cachet-admins"));
		open("/dashboard");
		this.browser.click(By.cssSelector(".logout button"));
		this.browser.waitForText(By.cssSelector(".notice"), "logged out");
		signIn("erin", TestIdentityProvider.PASSWORD);
		waitForDashboard();
		open("/dashboard/settings");
		this.browser.waitForText(By.tagName("h1"), "Settings");
		assertThat(this.users.findByLogin("erin").orElseThrow().level()).isEqualTo(UserLevel.ADMIN);
	}

	@Test
	void aProviderThatCannotBeReachedSaysSoAndThePasswordLoginStillWorks() {
		String local = "local" + System.nanoTime();
		this.users.createUser(TestUsers.admin(local));
		open("/auth/login");
		this.browser.click(By.cssSelector("a[data-provider=down]"));
		this.browser.until((driver) -> driver.getCurrentUrl().startsWith(app("/auth/login?unreachable=down")));
		this.browser.waitForText(By.cssSelector(".notice.error"), "Down IdP cannot be reached right now");

		this.browser.type("username", local);
		this.browser.type("password", "correct horse battery");
		this.browser.click(By.cssSelector("form button[type=submit]"));
		waitForDashboard();
	}

	@Test
	void aProviderThatFailsAtTheCallbackSaysSoRatherThanAnErrorPage() {
		idp.failTokenEndpoint(true);
		try {
			signIn("alice", TestIdentityProvider.PASSWORD);
			this.browser.until((driver) -> driver.getCurrentUrl().startsWith(app("/auth/login?unreachable=test")));
			this.browser.waitForText(By.cssSelector(".notice.error"), "Test IdP cannot be reached right now");
		}
		finally {
			idp.failTokenEndpoint(false);
		}
	}

	private void signIn(String username, String password) {
		open("/auth/login");
		this.browser.waitForText(By.cssSelector("a[data-provider=test]"), "Sign in with Test IdP");
		this.browser.click(By.cssSelector("a[data-provider=test]"));
		this.browser.until((driver) -> driver.getCurrentUrl().startsWith(idp.issuer() + "/login"));
		this.browser.type("username", username);
		this.browser.type("password", password);
		this.browser.click(By.cssSelector("button[type=submit]"));
	}

	private void waitForDashboard() {
		this.browser.until((driver) -> driver.getCurrentUrl().equals(app("/dashboard")));
		this.browser.waitForText(By.tagName("h1"), "Overview");
	}

	private void open(String path) {
		this.browser.driver().get(app(path));
	}

	private String app(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	private static int deadPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
