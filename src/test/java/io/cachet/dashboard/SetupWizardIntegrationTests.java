package io.cachet.dashboard;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cachet.IsolatedIntegrationTest;
import io.cachet.settings.SettingsService;
import io.cachet.user.UserService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fresh install with no user: every page leads to {@code /setup}, which validates,
 * saves the page's settings and the admin together, then disappears.
 */
@IsolatedIntegrationTest
class SetupWizardIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	UserService users;

	@Autowired
	SettingsService settings;

	@Test
	void wizardLeadsEverywhereValidatesAndCompletesOnce() {
		FormClient browser = new FormClient(this.port);
		assertThat(this.users.hasUsers()).isFalse();
		for (String page : new String[] { "/", "/dashboard", "/auth/login" }) {
			var response = browser.get(page);
			assertThat(response.statusCode()).as(page).isEqualTo(302);
			assertThat(FormClient.location(response)).endsWith("/setup");
		}
		assertThat(browser.get("/api/v2/status.json").statusCode()).isEqualTo(200);
		assertThat(browser.get("/setup").body()).contains("Set up your status page").contains("Europe/Berlin");

		Map<String, String> form = new HashMap<>(
				Map.of("appName", "Acme Status", "appDomain", "https://status.acme.test", "appTimezone",
						"Europe/Berlin", "appLocale", "de", "username", "owner", "email", "owner@acme.test", "password",
						"correct horse battery", "passwordConfirmation", "something else"));
		var mismatch = browser.post("/setup", form);
		assertThat(mismatch.statusCode()).isEqualTo(200);
		assertThat(mismatch.body()).contains("The passwords do not match").contains("value=\"Acme Status\"");
		assertThat(this.users.hasUsers()).isFalse();

		form.put("passwordConfirmation", "correct horse battery");
		form.put("appDomain", "not a url");
		assertThat(browser.post("/setup", form).body()).contains("must start with http");
		assertThat(this.users.hasUsers()).isFalse();

		form.put("appDomain", "https://status.acme.test");
		assertThat(browser.postWithoutToken("/setup", form).statusCode()).isEqualTo(403);
		assertThat(this.users.hasUsers()).isFalse();

		var done = browser.post("/setup", form);
		assertThat(done.statusCode()).isEqualTo(302);
		assertThat(FormClient.location(done)).endsWith("/auth/login?setup");
		assertThat(this.users.findByLogin("owner")).isPresent();
		assertThat(this.settings.get("app_name")).hasValue("Acme Status");
		assertThat(this.settings.get("app_timezone")).hasValue("Europe/Berlin");
		assertThat(this.settings.get("app_locale")).hasValue("de");
		assertThat(browser.get("/setup").statusCode()).isEqualTo(404);
		assertThat(browser.get("/auth/login").statusCode()).isEqualTo(200);
	}

}
