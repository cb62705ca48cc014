package io.cachet.dashboard;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cachet.DashboardTest;
import io.cachet.TestUsers;
import io.cachet.settings.SettingsService;
import io.cachet.user.UserService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The settings pages: admins only, every field validated before any is saved.
 */
@DashboardTest
class SettingsPagesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	UserService users;

	@Autowired
	SettingsService settings;

	@Autowired
	LoginThrottle throttle;

	@BeforeEach
	void clearThrottle() {
		this.throttle.clear();
	}

	@Test
	void adminsSaveEverySectionAndBadValuesSaveNothing() {
		FormClient admin = logIn(TestUsers.admin("settings-admin" + System.nanoTime()).username(), true);
		for (SettingsSection section : SettingsSection.values()) {
			var page = admin.get("/dashboard/settings/" + section.path());
			assertThat(page.statusCode()).as(section.path()).isEqualTo(200);
			assertThat(page.body()).contains(section.fields().get(0).label().replace("'", "&#39;"));
		}

		admin.get("/dashboard/settings/setup");
		Map<String, String> form = new HashMap<>(Map.of("app_name", "Renamed Status", "app_domain",
				"https://status.example.com", "app_incident_days", "500", "app_refresh_rate", "0", "major_outage_rate",
				"50", "display_graphs", "1", "monitor_result_retention_days", "7"));
		var invalid = admin.post("/dashboard/settings/setup", form);
		assertThat(invalid.statusCode()).isEqualTo(200);
		assertThat(invalid.body()).contains("must be between 1 and 90").contains("value=\"Renamed Status\"");
		assertThat(this.settings.get("app_name", "")).isNotEqualTo("Renamed Status");

		form.put("app_incident_days", "14");
		var saved = admin.post("/dashboard/settings/setup", form);
		assertThat(FormClient.location(saved)).endsWith("/dashboard/settings/setup");
		assertThat(this.settings.get("app_name")).hasValue("Renamed Status");
		assertThat(this.settings.get("app_incident_days")).hasValue("14");
		assertThat(this.settings.get("show_timezone")).hasValue("0");
		assertThat(this.settings.get("display_graphs")).hasValue("1");

		admin.get("/dashboard/settings/theme");
		var badColour = admin.post("/dashboard/settings/theme", Map.of("style_reds", "red;}</style>"));
		assertThat(badColour.body()).contains("must be a colour");
		admin.get("/dashboard/settings/localization");
		assertThat(admin
			.post("/dashboard/settings/localization",
					Map.of("app_timezone", "Mars/Olympus", "app_locale", "de", "date_format", "d",
							"incident_date_format", "d"))
			.body()).contains("is not one of the choices");
		assertThat(admin.get("/dashboard/settings/nothing").statusCode()).isEqualTo(404);
	}

	/**
	 * Without single sign-on configured: local passwords only, no directory to test, and
	 * a test asked for all the same answers clearly.
	 */
	@Test
	void theSignInPageShowsLocalLoginOnlyWithoutADirectory() {
		FormClient admin = logIn("sign-in-admin" + System.nanoTime(), true);
		String page = admin.get("/dashboard/settings/sign-in").body();
		assertThat(page).contains("Everyone may log in with a password kept here")
			.contains("No provider is configured")
			.contains("No directory is configured")
			.doesNotContain("id=\"ldap-test\"");
		assertThat(admin.get("/dashboard/settings/setup").body()).contains("/dashboard/settings/sign-in");
		var tested = admin.post("/dashboard/settings/sign-in/test-ldap", Map.of());
		assertThat(FormClient.location(tested)).endsWith("/dashboard/settings/sign-in");
		assertThat(admin.get("/dashboard/settings/sign-in").body())
			.contains("No directory is configured (CACHET_LDAP_URL).");
	}

	@Test
	void usersOfLevelTwoCannotOpenOrPostSettings() {
		FormClient user = logIn("settings-user" + System.nanoTime(), false);
		assertThat(user.get("/dashboard").statusCode()).isEqualTo(200);
		assertThat(user.get("/dashboard").body()).doesNotContain("/dashboard/settings");
		assertThat(user.get("/dashboard/settings/setup").statusCode()).isEqualTo(403);
		assertThat(user.post("/dashboard/settings/setup", Map.of("app_name", "Hijacked")).statusCode()).isEqualTo(403);
		assertThat(user.get("/dashboard/settings/sign-in").statusCode()).isEqualTo(403);
		assertThat(user.post("/dashboard/settings/sign-in/test-ldap", Map.of()).statusCode()).isEqualTo(403);
		assertThat(this.settings.get("app_name", "")).isNotEqualTo("Hijacked");
	}

	private FormClient logIn(String username, boolean admin) {
		this.users.createUser(admin ? TestUsers.admin(username) : TestUsers.user(username));
		return FormClient.loggedIn(this.port, username, "correct horse battery");
	}

}
