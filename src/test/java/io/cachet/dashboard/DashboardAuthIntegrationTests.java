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
import io.cachet.user.UserService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Logging in to the dashboard over HTTP: username or e-mail, wrong passwords, CSRF,
 * throttling, remember-me, session fixation, two-factor authentication, and the quick
 * status switch.
 */
@DashboardTest
class DashboardAuthIntegrationTests {

	private static final String PASSWORD = "correct horse battery";

	@LocalServerPort
	int port;

	@Autowired
	UserService users;

	@Autowired
	ComponentService components;

	@Autowired
	LoginThrottle throttle;

	String username;

	@BeforeEach
	void createUser() {
		this.username = "user" + System.nanoTime();
		this.users.createUser(TestUsers.admin(this.username));
		// Every test logs in from 127.0.0.1: start each with the address's count at zero.
		this.throttle.clear();
	}

	@Test
	void dashboardNeedsALogin() {
		FormClient browser = new FormClient(this.port);
		var response = browser.get("/dashboard");
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(FormClient.location(response)).endsWith("/auth/login");
	}

	@Test
	void logsInWithUsernameOrEmailAndOutAgain() {
		FormClient browser = new FormClient(this.port);
		assertThat(FormClient.location(login(browser, this.username, "wrong password"))).endsWith("/auth/login?error");
		assertThat(FormClient.location(login(browser, this.username + "@example.com", PASSWORD)))
			.endsWith("/dashboard");
		assertThat(browser.get("/dashboard").body()).contains("Overview");

		browser.get("/dashboard");
		var logout = browser.post("/auth/logout", Map.of());
		assertThat(FormClient.location(logout)).endsWith("/auth/login?logout");
		assertThat(browser.get("/dashboard").statusCode()).isEqualTo(302);
	}

	@Test
	void formsWithoutTheCsrfTokenAreRefused() {
		FormClient browser = new FormClient(this.port);
		browser.get("/auth/login");
		var response = browser.postWithoutToken("/auth/login", Map.of("username", this.username, "password", PASSWORD));
		assertThat(response.statusCode()).isEqualTo(403);

		login(browser, this.username, PASSWORD);
		long api = this.components
			.createComponent(new CreateComponent("API", "", "", ComponentStatus.OPERATIONAL, 0, 0, true, null,
					java.util.List.of()))
			.id();
		assertThat(browser.postWithoutToken("/dashboard/components/" + api + "/status", Map.of("status", "4"))
			.statusCode()).isEqualTo(403);
		assertThat(this.components.getComponent(api).status()).isEqualTo(ComponentStatus.OPERATIONAL);
	}

	@Test
	void quickStatusSwitchChangesTheComponent() {
		FormClient browser = new FormClient(this.port);
		login(browser, this.username, PASSWORD);
		long api = this.components
			.createComponent(new CreateComponent("Quick API", "", "", ComponentStatus.OPERATIONAL, 0, 0, true, null,
					java.util.List.of()))
			.id();
		assertThat(browser.get("/dashboard").body()).contains("Quick API");

		var response = browser.post("/dashboard/components/" + api + "/status", Map.of("status", "3"));
		assertThat(FormClient.location(response)).endsWith("/dashboard");
		assertThat(this.components.getComponent(api).status()).isEqualTo(ComponentStatus.PARTIAL_OUTAGE);
		assertThat(browser.get("/dashboard").body()).contains("status was changed");
		assertThat(browser.post("/dashboard/components/" + api + "/status", Map.of("status", "9")).statusCode())
			.isEqualTo(400);
	}

	/**
	 * Before, ten failures locked the account for everyone, the owner included.
	 */
	@Test
	void failuresFromOneAddressThrottleItButNotTheOwnerAtAnother() {
		FormClient attacker = new FormClient("127.0.0.1", this.port);
		for (int i = 0; i < LoginThrottle.FREE_PER_PAIR; i++) {
			assertThat(FormClient.location(login(attacker, this.username, "guess " + i))).endsWith("?error");
		}
		// the attacker's address waits now, whatever the password
		assertThat(FormClient.location(login(attacker, this.username, PASSWORD))).endsWith("/auth/login?throttled");
		assertThat(attacker.get("/auth/login?throttled").body()).contains("Too many failed attempts");

		FormClient owner = new FormClient("[::1]", this.port);
		assertThat(FormClient.location(login(owner, this.username, PASSWORD))).endsWith("/dashboard");
		assertThat(owner.get("/dashboard").statusCode()).isEqualTo(200);
	}

	@Test
	void rememberMeAndANewSessionIdAtLogin() {
		FormClient browser = new FormClient(this.port);
		browser.get("/auth/login");
		String before = browser.cookie("JSESSIONID").map(java.net.HttpCookie::getValue).orElse("");
		var response = browser.post("/auth/login",
				Map.of("username", this.username, "password", PASSWORD, "remember-me", "on"));
		assertThat(FormClient.location(response)).endsWith("/dashboard");
		assertThat(browser.cookie("JSESSIONID").map(java.net.HttpCookie::getValue).orElse("")).isNotEqualTo(before);
		assertThat(browser.cookie("remember-me")).isPresent();

		browser.forgetSession();
		assertThat(browser.get("/dashboard").statusCode()).isEqualTo(200);
	}

	@Test
	void twoFactorAuthenticationIsEnabledOnTheProfileThenRequiredAtLogin() {
		FormClient browser = new FormClient(this.port);
		login(browser, this.username, PASSWORD);
		browser.get("/dashboard/user");
		browser.post("/dashboard/user/2fa/start", Map.of());
		String profile = browser.get("/dashboard/user").body();
		assertThat(profile).contains("data:image/png;base64,");
		Matcher secretMatch = Pattern.compile("<code id=\"secret\">([A-Z2-7]+)</code>").matcher(profile);
		assertThat(secretMatch.find()).isTrue();
		String secret = secretMatch.group(1);

		browser.post("/dashboard/user/2fa/confirm", Map.of("code", "000000"));
		assertThat(browser.get("/dashboard/user").body()).contains("That code is not valid");
		browser.post("/dashboard/user/2fa/confirm", Map.of("code", TotpCodes.current(secret)));
		assertThat(browser.get("/dashboard/user").body()).contains("Two-factor authentication is on");

		FormClient later = new FormClient(this.port);
		var password = login(later, this.username, PASSWORD);
		assertThat(FormClient.location(password)).endsWith("/auth/2fa");
		assertThat(later.cookie("remember-me")).isEmpty();
		assertThat(later.get("/dashboard").statusCode()).isEqualTo(302);

		later.get("/auth/2fa");
		assertThat(later.post("/auth/2fa", Map.of("code", "123456")).body()).contains("That code is not valid");
		// the enrolment spent the current code: a code is accepted once
		var verified = later.post("/auth/2fa", Map.of("code", TotpCodes.next(secret)));
		assertThat(FormClient.location(verified)).endsWith("/dashboard");
		assertThat(later.get("/dashboard").statusCode()).isEqualTo(200);
	}

	private static java.net.http.HttpResponse<String> login(FormClient browser, String login, String password) {
		return browser.logIn(login, password);
	}

}
