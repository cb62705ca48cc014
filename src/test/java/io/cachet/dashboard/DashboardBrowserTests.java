package io.cachet.dashboard;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import io.cachet.IsolatedIntegrationTest;
import io.cachet.browser.Chromium;
import io.cachet.component.ComponentService;
import io.cachet.component.ComponentStatus;
import io.cachet.component.CreateComponent;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first journey of a team in a real headless Chromium: run the setup wizard, log in,
 * enable two-factor authentication, log in again with a TOTP code, switch a component's
 * status from the overview, create a component, open an incident affecting it and see
 * both on the public page, then resolve it with an update.
 */
@IsolatedIntegrationTest
class DashboardBrowserTests {

	@RegisterExtension
	final Chromium browser = new Chromium();

	@Autowired
	ComponentService components;

	@Test
	void setupLoginTwoFactorAndQuickStatus() {
		open("/");
		assertThat(this.browser.driver().getCurrentUrl()).endsWith("/setup");
		type("appName", "Browser Status");
		type("appDomain", this.browser.url(""));
		this.browser.select("appTimezone", "Europe/Paris");
		type("username", "owner");
		type("email", "owner@example.com");
		type("password", "correct horse battery");
		type("passwordConfirmation", "correct horse battery");
		this.browser.click(By.cssSelector("button[type=submit]"));
		waitForText(By.cssSelector(".notice.success"), "set up");

		logIn();
		waitForText(By.tagName("h1"), "Overview");

		open("/dashboard/user");
		this.browser.click(By.cssSelector("#two-factor button.primary"));
		assertThat(this.browser.waitFor(By.cssSelector(".enrollment img")).getAttribute("src"))
			.startsWith("data:image/png;base64,");
		String secret = this.browser.waitFor(By.id("secret")).getText();
		type("confirm-code", TotpCodes.current(secret));
		this.browser.click(By.cssSelector(".enrollment button"));
		waitForText(By.cssSelector(".notice.success"), "Two-factor authentication is on");

		this.browser.click(By.cssSelector(".logout button"));
		this.browser.waitForText(By.cssSelector(".notice"), "logged out");
		logIn();
		this.browser.until((driver) -> driver.getCurrentUrl().endsWith("/auth/2fa"));
		// the enrolment spent the current code: a code is accepted once
		type("code", TotpCodes.next(secret));
		this.browser.click(By.cssSelector("button[type=submit]"));
		waitForText(By.tagName("h1"), "Overview");

		long api = this.components
			.createComponent(new CreateComponent("Payments API", "", "", ComponentStatus.OPERATIONAL, 0, 0, true, null,
					List.of()))
			.id();
		this.browser.driver().navigate().refresh();
		this.browser.select("status-" + api, "4");
		waitForText(By.cssSelector(".notice.success"), "status was changed");
		assertThat(this.components.getComponent(api).status()).isEqualTo(ComponentStatus.MAJOR_OUTAGE);

		this.browser.until(Duration.ofSeconds(5), Duration.ofMillis(250), (driver) -> {
			open("/");
			return driver.findElement(By.cssSelector(".status-banner")).getText().contains("major issues");
		});
		assertThat(
				this.browser.driver().findElement(By.cssSelector("[data-component='" + api + "'] .status")).getText())
			.isEqualTo("Major Outage");

		// A component made with the form, an incident affecting it, then its resolution.
		open("/dashboard/components/create");
		type("name", "Search");
		type("description", "Full-text search");
		this.browser.click(By.cssSelector("form.card button[type=submit]"));
		waitForText(By.cssSelector(".notice.success"), "Component Search created");

		open("/dashboard/incidents/create");
		type("name", "Search is slow");
		type("message", "Queries take **seconds**.");
		long search = this.components.findAllComponentIds()
			.stream()
			.filter((id) -> this.components.getComponent(id).name().equals("Search"))
			.findFirst()
			.orElseThrow();
		this.browser.select("component-" + search, "2");
		this.browser.click(By.cssSelector("#incident-form button[type=submit]"));
		waitForText(By.cssSelector(".notice.success"), "reported");

		this.browser.until(Duration.ofSeconds(5), Duration.ofMillis(250), (driver) -> {
			open("/");
			return driver.getPageSource().contains("Search is slow");
		});
		assertThat(this.browser.driver()
			.findElement(By.cssSelector("[data-component='" + search + "'] .status"))
			.getText()).isEqualTo("Performance Issues");
		assertThat(this.browser.driver().findElement(By.cssSelector(".timeline")).getText())
			.contains("Queries take seconds.");

		open("/dashboard/incidents");
		this.browser.click(By.linkText("Search is slow"));
		type("update-message", "Fixed: an index was rebuilt.");
		this.browser.select("update-status", "4");
		this.browser.click(By.cssSelector("#new-update button"));
		waitForText(By.cssSelector(".notice.success"), "Update posted");

		this.browser.until(Duration.ofSeconds(5), Duration.ofMillis(250), (driver) -> {
			open("/");
			return driver.findElement(By.cssSelector(".timeline")).getText().contains("Fixed: an index was rebuilt.");
		});
		assertThat(this.browser.driver().findElement(By.cssSelector(".timeline .pill")).getText()).isEqualTo("Fixed");
	}

	private void logIn() {
		this.browser.open("/auth/login");
		this.browser.type("username", "owner@example.com");
		this.browser.type("password", "correct horse battery");
		this.browser.click(By.cssSelector("button[type=submit]"));
	}

	private void open(String path) {
		this.browser.open(path);
	}

	private void type(String id, String text) {
		this.browser.type(id, text);
	}

	private void waitForText(By selector, String text) {
		this.browser.waitForText(selector, text);
	}

}
