package io.cachet.dashboard;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cachet.DashboardTest;
import io.cachet.TestUsers;
import io.cachet.component.ComponentService;
import io.cachet.component.ComponentStatus;
import io.cachet.component.CreateComponent;
import io.cachet.user.UserLevel;
import io.cachet.user.UserService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The team page (admins only), the profile's password and API token, and the audit log.
 */
@DashboardTest
class TeamAndProfileIntegrationTests {

	private static final String PASSWORD = "correct horse battery";

	@LocalServerPort
	int port;

	@Autowired
	UserService users;

	@Autowired
	ComponentService components;

	@Autowired
	LoginThrottle throttle;

	@BeforeEach
	void clearThrottle() {
		this.throttle.clear();
	}

	@Autowired
	io.cachet.user.ExternalSignIns signIns;

	@Test
	void theTeamPageSaysHowEachMemberSignsIn() {
		String admin = "team-admin" + System.nanoTime();
		this.users.createUser(TestUsers.admin(admin));
		String external = "sso-member" + System.nanoTime();
		this.signIns.signIn(new io.cachet.user.ExternalIdentity("oidc:corp", "sub-" + external, external, null, false),
				java.util.Optional.of(UserLevel.USER), false);
		FormClient browser = logIn(admin, PASSWORD);

		String page = browser.get("/dashboard/team").body();

		assertThat(memberEntry(page, admin)).contains("signs in with password");
		// no provider "corp" is configured here: its id stands in for its display name
		assertThat(memberEntry(page, external)).contains("signs in with corp").doesNotContain("password");
	}

	private static String memberEntry(String page, String username) {
		int start = page.indexOf("<span>" + username + "</span>");
		assertThat(start).as("the entry of " + username).isNotNegative();
		return page.substring(start, page.indexOf("</li>", start));
	}

	@Test
	void adminsAddAndDeactivateUsersButNotThemselves() {
		String admin = "team-admin" + System.nanoTime();
		this.users.createUser(TestUsers.admin(admin));
		FormClient browser = logIn(admin, PASSWORD);
		assertThat(browser.get("/dashboard/team").body()).contains(admin);

		String newcomer = "newcomer" + System.nanoTime();
		var invalid = browser.post("/dashboard/team",
				Map.of("username", newcomer, "email", "not-an-email", "password", "short", "level", "USER"));
		assertThat(invalid.statusCode()).isEqualTo(200);
		assertThat(invalid.body()).contains("field-error").contains("value=\"" + newcomer + "\"");
		assertThat(this.users.findByLogin(newcomer)).isEmpty();

		browser.get("/dashboard/team");
		browser.post("/dashboard/team", Map.of("username", newcomer, "email", newcomer + "@example.com", "password",
				PASSWORD, "level", "USER"));
		var created = this.users.findByLogin(newcomer).orElseThrow();
		assertThat(created.level()).isEqualTo(UserLevel.USER);

		browser.get("/dashboard/team");
		browser.post("/dashboard/team/" + created.id() + "/deactivate", Map.of());
		assertThat(this.users.findByLogin(newcomer).orElseThrow().active()).isFalse();
		assertThat(FormClient.location(logIn(newcomer, PASSWORD).get("/dashboard"))).endsWith("/auth/login");

		long self = this.users.findByLogin(admin).orElseThrow().id();
		browser.get("/dashboard/team");
		browser.post("/dashboard/team/" + self + "/deactivate", Map.of());
		assertThat(this.users.findByLogin(admin).orElseThrow().active()).isTrue();
		assertThat(browser.get("/dashboard/team").body()).contains("You cannot deactivate yourself");

		FormClient user = logIn("team-user" + System.nanoTime(), PASSWORD, false);
		assertThat(user.get("/dashboard/team").statusCode()).isEqualTo(403);
		assertThat(user.post("/dashboard/team/" + self + "/deactivate", Map.of()).statusCode()).isEqualTo(403);
	}

	@Test
	void passwordAndApiTokenAreChangedFromTheProfile() throws Exception {
		String name = "profile" + System.nanoTime();
		this.users.createUser(TestUsers.user(name));
		FormClient browser = logIn(name, PASSWORD);

		browser.get("/dashboard/user");
		browser.post("/dashboard/user/password", Map.of("currentPassword", "wrong password", "newPassword",
				"a new long password", "newPasswordConfirmation", "a new long password"));
		assertThat(browser.get("/dashboard/user").body()).contains("The current password is wrong");
		browser.post("/dashboard/user/password", Map.of("currentPassword", PASSWORD, "newPassword",
				"a new long password", "newPasswordConfirmation", "a new long password"));
		assertThat(browser.get("/dashboard/user").body()).contains("Your password was changed");
		assertThat(FormClient.location(logIn(name, "a new long password").get("/dashboard"))).isEmpty();

		browser.post("/dashboard/user/api-token", Map.of());
		String page = browser.get("/dashboard/user").body();
		Matcher token = Pattern.compile("<code id=\"new-token\">([^<]+)</code>").matcher(page);
		assertThat(token.find()).isTrue();
		assertThat(this.users.authenticateApiToken(token.group(1))).isPresent();
		assertThat(browser.get("/dashboard/user").body()).doesNotContain(token.group(1));
	}

	@Test
	void profileRenamesAndAdminsChangeRoles() {
		String name = "renamed" + System.nanoTime();
		this.users.createUser(TestUsers.user(name));
		FormClient browser = logIn(name, PASSWORD);
		browser.get("/dashboard/user");
		browser.post("/dashboard/user/profile", Map.of("username", name, "email", "not an address"));
		assertThat(browser.get("/dashboard/user").body()).contains("That is not an e-mail address");
		browser.post("/dashboard/user/profile", Map.of("username", name, "email", name + "@new.example.com"));
		assertThat(browser.get("/dashboard/user").body()).contains("Your profile was saved");
		assertThat(this.users.findByLogin(name + "@new.example.com")).isPresent();

		var renamed = browser.post("/dashboard/user/profile",
				Map.of("username", name + "x", "email", name + "@new.example.com"));
		assertThat(FormClient.location(renamed)).endsWith("/auth/login?renamed");
		assertThat(browser.get("/dashboard").statusCode()).isEqualTo(302);
		assertThat(logIn(name + "x", PASSWORD).get("/dashboard").statusCode()).isEqualTo(200);

		String admin = "role-admin" + System.nanoTime();
		this.users.createUser(TestUsers.admin(admin));
		FormClient adminBrowser = logIn(admin, PASSWORD);
		long id = this.users.findByLogin(name + "x").orElseThrow().id();
		adminBrowser.get("/dashboard/team");
		adminBrowser.post("/dashboard/team/" + id + "/level", Map.of("level", "ADMIN"));
		assertThat(this.users.findByLogin(name + "x").orElseThrow().level()).isEqualTo(UserLevel.ADMIN);
	}

	@Test
	void auditLogShowsWhoDidWhatAndFilters() {
		String name = "auditor" + System.nanoTime();
		this.users.createUser(TestUsers.user(name));
		FormClient browser = logIn(name, PASSWORD);
		long api = this.components
			.createComponent(new CreateComponent("Audited API", "", "", ComponentStatus.OPERATIONAL, 0, 0, true, null,
					java.util.List.of()))
			.id();
		browser.get("/dashboard");
		browser.post("/dashboard/components/" + api + "/status", Map.of("status", "4"));

		String log = browser.get("/dashboard/audit?user=" + name).body();
		assertThat(log).contains("Audited API").contains(name).contains("component.status_changed");
		assertThat(browser.get("/dashboard/audit?q=nothing-like-this").body()).contains("Nothing yet");
	}

	private FormClient logIn(String username, String password) {
		return FormClient.loggedIn(this.port, username, password);
	}

	private FormClient logIn(String username, String password, boolean admin) {
		this.users.createUser(admin ? TestUsers.admin(username) : TestUsers.user(username));
		return logIn(username, password);
	}

}
