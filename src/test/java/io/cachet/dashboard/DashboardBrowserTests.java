package io.cachet.dashboard;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.cachet.browser.HeadlessChromium;
import io.cachet.component.ComponentService;
import io.cachet.component.ComponentStatus;
import io.cachet.component.CreateComponent;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first journey of a team in a real headless Chromium: run the setup wizard, log in,
 * enable two-factor authentication, log in again with a TOTP code, switch a component's
 * status from the overview, create a component, open an incident affecting it and see
 * both on the public page, then resolve it with an update.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "cachet.test.context=dashboard-browser")
class DashboardBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	ComponentService components;

	ChromeDriver browser;

	@BeforeEach
	void startBrowser() {
		this.browser = HeadlessChromium.start();
	}

	@AfterEach
	void stopBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void setupLoginTwoFactorAndQuickStatus() {
		open("/");
		assertThat(this.browser.getCurrentUrl()).endsWith("/setup");
		type("appName", "Browser Status");
		type("appDomain", "http://localhost:" + this.port);
		new Select(this.browser.findElement(By.id("appTimezone"))).selectByValue("Europe/Paris");
		type("username", "owner");
		type("email", "owner@example.com");
		type("password", "correct horse battery");
		type("passwordConfirmation", "correct horse battery");
		this.browser.findElement(By.cssSelector("button[type=submit]")).click();
		waitForText(By.cssSelector(".notice.success"), "set up");

		logIn();
		waitForText(By.tagName("h1"), "Overview");

		open("/dashboard/user");
		this.browser.findElement(By.cssSelector("#two-factor button.primary")).click();
		assertThat(waitFor(By.cssSelector(".enrollment img")).getAttribute("src")).startsWith("data:image/png;base64,");
		String secret = this.browser.findElement(By.id("secret")).getText();
		type("confirm-code", TotpCodes.current(secret));
		this.browser.findElement(By.cssSelector(".enrollment button")).click();
		waitForText(By.cssSelector(".notice.success"), "Two-factor authentication is on");

		this.browser.findElement(By.cssSelector(".logout button")).click();
		waitFor(By.cssSelector(".notice"));
		logIn();
		new WebDriverWait(this.browser, Duration.ofSeconds(5))
			.until((driver) -> driver.getCurrentUrl().endsWith("/auth/2fa"));
		type("code", TotpCodes.current(secret));
		this.browser.findElement(By.cssSelector("button[type=submit]")).click();
		waitForText(By.tagName("h1"), "Overview");

		long api = this.components
			.createComponent(new CreateComponent("Payments API", "", "", ComponentStatus.OPERATIONAL, 0, 0, true, null,
					List.of()))
			.id();
		this.browser.navigate().refresh();
		new Select(this.browser.findElement(By.id("status-" + api))).selectByValue("4");
		new WebDriverWait(this.browser, Duration.ofSeconds(5))
			.until((driver) -> this.browser.findElements(By.cssSelector(".notice.success"))
				.stream()
				.anyMatch((notice) -> notice.getText().contains("status was changed")));
		assertThat(this.components.getComponent(api).status()).isEqualTo(ComponentStatus.MAJOR_OUTAGE);

		new WebDriverWait(this.browser, Duration.ofSeconds(5)).until((driver) -> {
			open("/");
			return this.browser.findElement(By.cssSelector(".status-banner")).getText().contains("major issues");
		});
		assertThat(this.browser.findElement(By.cssSelector("[data-component='" + api + "'] .status")).getText())
			.isEqualTo("Major Outage");

		// A component made with the form, an incident affecting it, then its resolution.
		open("/dashboard/components/create");
		type("name", "Search");
		type("description", "Full-text search");
		this.browser.findElement(By.cssSelector("form.card button[type=submit]")).click();
		waitForText(By.cssSelector(".notice.success"), "Component Search created");

		open("/dashboard/incidents/create");
		type("name", "Search is slow");
		type("message", "Queries take **seconds**.");
		long search = this.components.findAllComponentIds()
			.stream()
			.filter((id) -> this.components.getComponent(id).name().equals("Search"))
			.findFirst()
			.orElseThrow();
		new Select(this.browser.findElement(By.id("component-" + search))).selectByValue("2");
		this.browser.findElement(By.cssSelector("#incident-form button[type=submit]")).click();
		waitForText(By.cssSelector(".notice.success"), "reported");

		new WebDriverWait(this.browser, Duration.ofSeconds(5)).until((driver) -> {
			open("/");
			return driver.getPageSource().contains("Search is slow");
		});
		assertThat(this.browser.findElement(By.cssSelector("[data-component='" + search + "'] .status")).getText())
			.isEqualTo("Performance Issues");
		assertThat(this.browser.findElement(By.cssSelector(".timeline")).getText()).contains("Queries take seconds.");

		open("/dashboard/incidents");
		this.browser.findElement(By.linkText("Search is slow")).click();
		type("update-message", "Fixed: an index was rebuilt.");
		new Select(this.browser.findElement(By.id("update-status"))).selectByValue("4");
		this.browser.findElement(By.cssSelector("#new-update button")).click();
		waitForText(By.cssSelector(".notice.success"), "Update posted");

		new WebDriverWait(this.browser, Duration.ofSeconds(5)).until((driver) -> {
			open("/");
			return driver.findElement(By.cssSelector(".timeline")).getText().contains("Fixed: an index was rebuilt.");
		});
		assertThat(this.browser.findElement(By.cssSelector(".timeline .pill")).getText()).isEqualTo("Fixed");
	}

	private org.openqa.selenium.WebElement waitFor(By selector) {
		return new WebDriverWait(this.browser, Duration.ofSeconds(5))
			.until(org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated(selector));
	}

	private void waitForText(By selector, String text) {
		new WebDriverWait(this.browser, Duration.ofSeconds(5))
			.until(org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated(selector, text));
	}

	private void logIn() {
		open("/auth/login");
		type("username", "owner@example.com");
		type("password", "correct horse battery");
		this.browser.findElement(By.cssSelector("button[type=submit]")).click();
	}

	private void open(String path) {
		this.browser.get("http://localhost:" + this.port + path);
	}

	private void type(String id, String text) {
		var field = this.browser.findElement(By.id(id));
		field.clear();
		field.sendKeys(text);
	}

}
