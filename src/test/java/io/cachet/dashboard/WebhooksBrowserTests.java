package io.cachet.dashboard;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.cachet.TestUsers;
import io.cachet.browser.HeadlessChromium;
import io.cachet.user.UserService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook and delivery pages in a real headless Chromium: a webhook is made with the
 * form, its secret is shown once, and it is listed.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "cachet.test.context=webhooks-browser")
class WebhooksBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	UserService users;

	@Autowired
	LoginThrottle throttle;

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
	void webhookIsCreatedWithTheFormAndListed() {
		String username = "hooks" + System.nanoTime();
		this.users.createUser(TestUsers.admin(username));
		this.throttle.clear();
		open("/auth/login");
		type("username", username);
		type("password", "correct horse battery");
		this.browser.findElement(By.cssSelector("button[type=submit]")).click();
		waitForText(By.tagName("h1"), "Overview");

		this.browser.findElement(By.linkText("Webhooks")).click();
		waitForText(By.tagName("h1"), "Webhooks");
		this.browser.findElement(By.linkText("Add a webhook")).click();
		type("url", "https://chat.example.com/hooks/status");
		type("description", "Team chat");
		new Select(this.browser.findElement(By.id("format"))).selectByVisibleText("slack");
		this.browser.findElement(By.cssSelector("form.card button.primary")).click();

		waitForText(By.id("secret"), "Save this secret now");
		assertThat(this.browser.findElement(By.cssSelector("table.audit")).getText())
			.contains("https://chat.example.com/hooks/status")
			.contains("slack")
			.contains("all events");
		this.browser.navigate().refresh();
		assertThat(this.browser.findElements(By.id("secret"))).isEmpty();

		this.browser.findElement(By.linkText("Deliveries")).click();
		waitForText(By.tagName("h1"), "Deliveries");
		assertThat(this.browser.findElement(By.id("queue-depth")).getText()).contains("waiting to be sent");
	}

	private void waitForText(By selector, String text) {
		new WebDriverWait(this.browser, Duration.ofSeconds(5))
			.until(ExpectedConditions.textToBePresentInElementLocated(selector, text));
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
