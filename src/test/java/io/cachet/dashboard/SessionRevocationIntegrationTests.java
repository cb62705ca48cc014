package io.cachet.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cachet.DashboardTest;
import io.cachet.TestUsers;
import io.cachet.user.CreateUser;
import io.cachet.user.DuplicateUserException;
import io.cachet.user.TwoFactorService;
import io.cachet.user.UserLevel;
import io.cachet.user.UserService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.authentication.rememberme.PersistentTokenBasedRememberMeServices;
import org.springframework.security.web.authentication.rememberme.PersistentRememberMeToken;
import org.springframework.security.web.authentication.rememberme.PersistentTokenRepository;
import org.springframework.security.web.authentication.rememberme.TokenBasedRememberMeServices;
import org.springframework.security.web.authentication.rememberme.TokenBasedRememberMeServices.RememberMeTokenAlgorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Sessions and remember-me logins end when the rights they were granted for change (issue
 * 14, items 3, 4 and 6): each test opens a session, changes the account behind it, and
 * sees the next request sent to the login page, while another user's session goes on.
 */
@DashboardTest
class SessionRevocationIntegrationTests {

	private static final String PASSWORD = "correct horse battery";

	@LocalServerPort
	int port;

	@Autowired
	UserService users;

	@Autowired
	TwoFactorService twoFactor;

	@Autowired
	LoginThrottle throttle;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	PersistentTokenRepository rememberMeTokens;

	String admin;

	String victim;

	String bystander;

	@BeforeEach
	void createUsers() {
		long n = System.nanoTime();
		this.admin = "sr-admin" + n;
		this.victim = "sr-victim" + n;
		this.bystander = "sr-other" + n;
		this.users.createUser(TestUsers.admin(this.admin));
		this.users.createUser(TestUsers.admin(this.victim));
		this.users.createUser(TestUsers.user(this.bystander));
		this.throttle.clear();
	}

	@Test
	void deactivatingAUserEndsTheirSessionAndRememberMeButNotOthers() {
		FormClient session = FormClient.loggedIn(this.port, this.victim, PASSWORD);
		FormClient thief = stolenRememberMe(this.victim);
		FormClient other = FormClient.loggedIn(this.port, this.bystander, PASSWORD);
		FormClient adminBrowser = FormClient.loggedIn(this.port, this.admin, PASSWORD);
		adminBrowser.get("/dashboard/team");

		adminBrowser.post("/dashboard/team/" + id(this.victim) + "/deactivate", Map.of());

		assertEnded(session);
		assertEnded(thief);
		assertThat(other.get("/dashboard").statusCode()).isEqualTo(200);
		assertThat(adminBrowser.get("/dashboard/team").statusCode()).isEqualTo(200);
	}

	@Test
	void demotingAnAdminEndsTheirSessionSoTheyLoseTheAdminPagesAtOnce() {
		FormClient session = FormClient.loggedIn(this.port, this.victim, PASSWORD);
		assertThat(session.get("/dashboard/team").statusCode()).isEqualTo(200);
		FormClient thief = stolenRememberMe(this.victim);
		FormClient adminBrowser = FormClient.loggedIn(this.port, this.admin, PASSWORD);
		adminBrowser.get("/dashboard/team");

		adminBrowser.post("/dashboard/team/" + id(this.victim) + "/level", Map.of("level", "USER"));

		assertEnded(session);
		assertEnded(thief);
		FormClient again = FormClient.loggedIn(this.port, this.victim, PASSWORD);
		assertThat(again.get("/dashboard").statusCode()).isEqualTo(200);
		assertThat(again.get("/dashboard/team").statusCode()).isEqualTo(403);
	}

	@Test
	void rememberMeLoginsUnusedForLongerThanTheCookieLivesAreForgottenAtTheNextLogin() {
		Instant now = Instant.now();
		this.rememberMeTokens.createNewToken(new PersistentRememberMeToken(this.victim, "stale" + this.victim, "t1",
				Date.from(now.minus(Duration.ofDays(31)))));
		this.rememberMeTokens.createNewToken(new PersistentRememberMeToken(this.bystander, "fresh" + this.bystander,
				"t2", Date.from(now.minus(Duration.ofDays(29)))));

		this.rememberMeTokens
			.createNewToken(new PersistentRememberMeToken(this.admin, "new" + this.admin, "t3", Date.from(now)));

		assertThat(this.rememberMeTokens.getTokenForSeries("stale" + this.victim)).isNull();
		assertThat(this.rememberMeTokens.getTokenForSeries("fresh" + this.bystander)).isNotNull();
		assertThat(this.rememberMeTokens.getTokenForSeries("new" + this.admin)).isNotNull();
	}

	@Test
	void anAdminCannotDemoteOrDeactivateThemselvesAndKeepsTheirSession() {
		FormClient adminBrowser = FormClient.loggedIn(this.port, this.admin, PASSWORD);
		adminBrowser.get("/dashboard/team");
		adminBrowser.post("/dashboard/team/" + id(this.admin) + "/level", Map.of("level", "USER"));
		adminBrowser.post("/dashboard/team/" + id(this.admin) + "/deactivate", Map.of());
		assertThat(this.users.findByLogin(this.admin).orElseThrow().level()).isEqualTo(UserLevel.ADMIN);
		assertThat(adminBrowser.get("/dashboard/team").statusCode()).isEqualTo(200);
	}

	@Test
	void changingThePasswordEndsTheOtherSessionsAndRememberMeButKeepsThisOne() {
		FormClient changer = FormClient.loggedIn(this.port, this.victim, PASSWORD);
		FormClient elsewhere = FormClient.loggedIn(this.port, this.victim, PASSWORD);
		FormClient thief = stolenRememberMe(this.victim);
		FormClient other = FormClient.loggedIn(this.port, this.bystander, PASSWORD);

		changer.get("/dashboard/user");
		changer.post("/dashboard/user/password", Map.of("currentPassword", PASSWORD, "newPassword",
				"a new long password", "newPasswordConfirmation", "a new long password"));

		assertThat(changer.get("/dashboard/user").statusCode()).isEqualTo(200);
		assertEnded(elsewhere);
		assertEnded(thief);
		assertThat(other.get("/dashboard").statusCode()).isEqualTo(200);
	}

	@Test
	void changingThePasswordOutsideTheDashboardEndsEverySession() {
		FormClient session = FormClient.loggedIn(this.port, this.victim, PASSWORD);
		this.users.changePassword(id(this.victim), PASSWORD, "a new long password");
		assertEnded(session);
	}

	@Test
	void enablingAndDisablingTwoFactorEndTheOtherSessions() {
		FormClient enabler = FormClient.loggedIn(this.port, this.victim, PASSWORD);
		FormClient elsewhere = FormClient.loggedIn(this.port, this.victim, PASSWORD);
		FormClient thief = stolenRememberMe(this.victim);
		String secret = enable(enabler);
		assertThat(enabler.get("/dashboard/user").body()).contains("Two-factor authentication is on");
		assertEnded(elsewhere);
		assertEnded(thief);

		FormClient second = new FormClient(this.port);
		second.logIn(this.victim, PASSWORD);
		second.get("/auth/2fa");
		assertThat(FormClient
			.location(second.post("/auth/2fa", Map.of("code", TotpCodes.at(secret, TotpCodes.currentStep() + 1)))))
			.endsWith("/dashboard");
		this.twoFactor.disable(id(this.victim));
		assertEnded(second);
		assertEnded(enabler);
	}

	@Test
	void aTotpCodeIsAcceptedOnce() {
		FormClient enabler = FormClient.loggedIn(this.port, this.victim, PASSWORD);
		long step = TotpCodes.currentStep();
		String secret = enable(enabler);

		// the code that proved the enrolment is spent
		FormClient replay = new FormClient(this.port);
		replay.logIn(this.victim, PASSWORD);
		replay.get("/auth/2fa");
		assertThat(replay.post("/auth/2fa", Map.of("code", TotpCodes.at(secret, step))).body())
			.contains("That code is not valid");

		String next = TotpCodes.at(secret, step + 1);
		assertThat(FormClient.location(replay.post("/auth/2fa", Map.of("code", next)))).endsWith("/dashboard");

		FormClient attacker = new FormClient(this.port);
		attacker.logIn(this.victim, PASSWORD);
		attacker.get("/auth/2fa");
		assertThat(attacker.post("/auth/2fa", Map.of("code", next)).body()).contains("That code is not valid");
		assertThat(attacker.post("/auth/2fa", Map.of("code", TotpCodes.at(secret, step))).body())
			.contains("That code is not valid");
		assertThat(attacker.get("/dashboard").statusCode()).isEqualTo(302);
		// nor can the spent code turn two-factor authentication off
		replay.get("/dashboard/user");
		replay.post("/dashboard/user/2fa/disable", Map.of("code", next));
		assertThat(this.twoFactor.isEnabled(this.victim)).isTrue();
	}

	@Test
	void deletingOrRenamingAUserEndsTheirSessions() {
		FormClient session = FormClient.loggedIn(this.port, this.victim, PASSWORD);
		FormClient other = FormClient.loggedIn(this.port, this.bystander, PASSWORD);
		this.jdbc.sql("DELETE FROM users WHERE id = ?").param(id(this.victim)).update();
		assertEnded(session);
		assertThat(other.get("/dashboard").statusCode()).isEqualTo(200);

		FormClient elsewhere = FormClient.loggedIn(this.port, this.bystander, PASSWORD);
		this.users.changeProfile(id(this.bystander), this.bystander + "x", this.bystander + "@example.com");
		assertEnded(elsewhere);
	}

	@Test
	void aRememberMeCookieUsedByTwoBrowsersEndsTheThiefsSessionToo() {
		FormClient owner = new FormClient(this.port);
		owner.get("/auth/login");
		owner.post("/auth/login", Map.of("username", this.victim, "password", PASSWORD, "remember-me", "on"));
		String cookie = owner.cookie("remember-me").orElseThrow().getValue();
		FormClient thief = new FormClient(this.port);
		thief.addCookie("remember-me", cookie);
		assertThat(thief.get("/dashboard").statusCode()).isEqualTo(200);

		// the owner's browser comes back with the cookie the thief's use replaced
		owner.forgetSession();
		var refused = owner.get("/dashboard");
		assertThat(refused.statusCode()).isEqualTo(302);
		assertThat(FormClient.location(refused)).contains("/auth/login");
		assertEnded(thief);
		assertThat(FormClient.loggedIn(this.port, this.victim, PASSWORD).get("/dashboard").statusCode()).isEqualTo(200);
	}

	@Test
	void aRememberMeCookieForgedTheOldWayFromBackupDataIsRefused() {
		// what a backup used to carry: the password hash and the signing key of the
		// cookies
		String hash = this.jdbc.sql("SELECT password FROM users WHERE username = ?")
			.param(this.victim)
			.query(String.class)
			.single();
		String key = "remember-me key from the backup";
		UserDetailsService fromBackup = (name) -> User.withUsername(name).password(hash).roles("ADMIN").build();
		var oldScheme = new TokenBasedRememberMeServices(key, fromBackup, RememberMeTokenAlgorithm.SHA256);
		oldScheme.setParameter("remember-me");
		oldScheme.setAlwaysRemember(true);
		var response = new MockHttpServletResponse();
		oldScheme.loginSuccess(new MockHttpServletRequest(), response,
				UsernamePasswordAuthenticationToken.authenticated(fromBackup.loadUserByUsername(this.victim), null,
						fromBackup.loadUserByUsername(this.victim).getAuthorities()));
		String forged = response.getCookie("remember-me").getValue();
		assertThat(new String(Base64.getDecoder().decode(forged + "=".repeat((4 - forged.length() % 4) % 4))))
			.startsWith(this.victim + ":");

		FormClient attacker = new FormClient(this.port);
		attacker.addCookie("remember-me", forged);
		assertThat(attacker.get("/dashboard").statusCode()).isEqualTo(302);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM settings WHERE name = 'remember_me_key'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void rememberMeDependsOnlyOnTheStoredTokenSoItSurvivesARestartOrAnotherNode() {
		FormClient browser = new FormClient(this.port);
		browser.get("/auth/login");
		browser.post("/auth/login", Map.of("username", this.victim, "password", PASSWORD, "remember-me", "on"));
		String cookie = browser.cookie("remember-me").orElseThrow().getValue();

		// another node, or this one after a restart: its own random key, the same table
		var otherNode = new PersistentTokenBasedRememberMeServices("another key", this.accounts, this.rememberMeTokens);
		var request = new MockHttpServletRequest();
		request.setCookies(new jakarta.servlet.http.Cookie("remember-me", cookie));
		var login = otherNode.autoLogin(request, new MockHttpServletResponse());
		assertThat(login).isNotNull();
		assertThat(login.getName()).isEqualTo(this.victim);
	}

	@Test
	void aUsernameMayNotBeAnotherUsersEmailNorTheOtherWayRound() {
		String name = "sr-login" + System.nanoTime();
		this.users.createUser(new CreateUser(name, name + "@example.com", PASSWORD, UserLevel.USER, null));
		assertThatExceptionOfType(DuplicateUserException.class)
			.isThrownBy(() -> this.users.createUser(
					new CreateUser(name + "@example.com", "x" + name + "@example.com", PASSWORD, UserLevel.USER, null)))
			.withMessageContaining("another user's e-mail address");
		String atName = "sr-at" + System.nanoTime() + "@example.com";
		this.users.createUser(new CreateUser(atName, "y" + name + "@example.com", PASSWORD, UserLevel.USER, null));
		assertThatExceptionOfType(DuplicateUserException.class)
			.isThrownBy(() -> this.users.createUser(new CreateUser("z" + name, atName, PASSWORD, UserLevel.USER, null)))
			.withMessageContaining("another user's username");
		assertThatExceptionOfType(DuplicateUserException.class)
			.isThrownBy(() -> this.users.changeProfile(id(this.bystander), name + "@example.com", "b@example.com"));
		assertThatExceptionOfType(DuplicateUserException.class)
			.isThrownBy(() -> this.users.invite(atName, UserLevel.USER));

		FormClient adminBrowser = FormClient.loggedIn(this.port, this.admin, PASSWORD);
		adminBrowser.get("/dashboard/team");
		var refused = adminBrowser.post("/dashboard/team", Map.of("username", name + "@example.com", "email",
				"w" + name + "@example.com", "password", PASSWORD, "level", "USER"));
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("e-mail address: choose another username");
	}

	@Test
	void aLoginThatNamesTwoUsersInOldDataPrefersTheUsernameAndDoesNotBreak() {
		String name = "sr-clash" + System.nanoTime() + "@example.com";
		this.users.createUser(new CreateUser("sr-owner" + System.nanoTime(), name, PASSWORD, UserLevel.USER, null));
		long bystanderId = id(this.bystander);
		// written past the service's check, as data from before it (or from elsewhere)
		this.jdbc.sql("UPDATE users SET username = ? WHERE username = ?").params(name, this.bystander).update();
		assertThat(this.users.findByLogin(name).orElseThrow().id()).isEqualTo(bystanderId);
		FormClient browser = FormClient.loggedIn(this.port, name, PASSWORD);
		assertThat(browser.get("/dashboard").statusCode()).isEqualTo(200);
	}

	private String enable(FormClient browser) {
		browser.get("/dashboard/user");
		browser.post("/dashboard/user/2fa/start", Map.of());
		Matcher secret = Pattern.compile("<code id=\"secret\">([A-Z2-7]+)</code>")
			.matcher(browser.get("/dashboard/user").body());
		assertThat(secret.find()).isTrue();
		browser.post("/dashboard/user/2fa/confirm", Map.of("code", TotpCodes.current(secret.group(1))));
		return secret.group(1);
	}

	/**
	 * @return a client holding only a copy of the user's remember-me cookie
	 */
	private FormClient stolenRememberMe(String username) {
		FormClient owner = new FormClient(this.port);
		owner.get("/auth/login");
		owner.post("/auth/login", Map.of("username", username, "password", PASSWORD, "remember-me", "on"));
		FormClient thief = new FormClient(this.port);
		thief.addCookie("remember-me", owner.cookie("remember-me").orElseThrow().getValue());
		assertThat(thief.get("/dashboard").statusCode()).as("the stolen cookie works before").isEqualTo(200);
		return thief;
	}

	private static void assertEnded(FormClient browser) {
		var response = browser.get("/dashboard");
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(FormClient.location(response)).contains("/auth/login");
		assertThat(browser.get("/dashboard").statusCode()).as("and stays ended").isEqualTo(302);
	}

	private long id(String username) {
		return this.users.findByLogin(username).orElseThrow().id();
	}

}
