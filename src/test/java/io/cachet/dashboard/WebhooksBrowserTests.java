package io.cachet.dashboard;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import io.cachet.IsolatedIntegrationTest;
import io.cachet.TestUsers;
import io.cachet.browser.Chromium;
import io.cachet.user.UserService;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook and delivery pages in a real headless Chromium: a webhook is made with the
 * form, its secret is shown once, and it is listed.
 */
@IsolatedIntegrationTest
class WebhooksBrowserTests {

	@RegisterExtension
	final Chromium browser = new Chromium();

	@Autowired
	UserService users;

	@Autowired
	LoginThrottle throttle;

	@Test
	void webhookIsCreatedWithTheFormAndListed() {
		String username = "hooks" + System.nanoTime();
		this.users.createUser(TestUsers.admin(username));
		this.throttle.clear();
		this.browser.open("/auth/login");
		this.browser.type("username", username);
		this.browser.type("password", "correct horse battery");
		this.browser.click(By.cssSelector("button[type=submit]"));
		this.browser.waitForText(By.tagName("h1"), "Overview");

		this.browser.click(By.linkText("Webhooks"));
		this.browser.waitForText(By.tagName("h1"), "Webhooks");
		this.browser.click(By.linkText("Add a webhook"));
		this.browser.type("url", "https://chat.example.com/hooks/status");
		this.browser.type("description", "Team chat");
		this.browser.selectText("format", "slack");
		this.browser.click(By.cssSelector("form.card button.primary"));

		this.browser.waitForText(By.id("secret"), "Save this secret now");
		// the URL (a chat webhook's credential) is shown whole once, in the notice
		this.browser.waitForText(By.cssSelector("table.audit"), "https://chat.example.com/…");
		assertThat(this.browser.driver().findElement(By.cssSelector("table.audit")).getText()).contains("slack")
			.contains("all events")
			.doesNotContain("/hooks/status");
		this.browser.driver().navigate().refresh();
		assertThat(this.browser.driver().findElements(By.id("secret"))).isEmpty();

		this.browser.click(By.linkText("Deliveries"));
		this.browser.waitForText(By.tagName("h1"), "Deliveries");
		this.browser.waitForText(By.id("queue-depth"), "waiting to be sent");
	}

}
