package io.cachet.notification;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMailUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import io.cachet.mail.MailServer;
import io.cachet.IsolatedIntegrationTest;
import io.cachet.TestUsers;
import io.cachet.browser.Chromium;
import io.cachet.component.ComponentService;
import io.cachet.component.ComponentStatus;
import io.cachet.component.CreateComponent;
import io.cachet.settings.SettingsService;
import io.cachet.shared.ListQuery;
import io.cachet.subscriber.SubscriberService;
import io.cachet.subscriber.SubscriberView;
import io.cachet.user.UserService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The subscribe journey in a real headless Chromium, with the e-mail going through a real
 * SMTP server: subscribe from the page, confirm from the e-mail, choose components,
 * unsubscribe.
 */
@IsolatedIntegrationTest(properties = "cachet.notifications.poll-interval=100ms")
class SubscribeBrowserTests {

	@RegisterExtension
	static final MailServer smtp = MailServer.keepingMessages();

	/**
	 * A free port, not GreenMail's fixed 3025: the browser tests run three times in a row
	 * and next to other mail tests.
	 */
	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		smtp.pointTheApplicationHere(registry);
	}

	@RegisterExtension
	final Chromium browser = new Chromium();

	@Autowired
	UserService users;

	@Autowired
	SettingsService settings;

	@Autowired
	ComponentService components;

	@Autowired
	SubscriberService subscribers;

	@Test
	void aVisitorSubscribesConfirmsChoosesAComponentAndLeaves() {
		TestUsers.ensureSetUp(this.users);
		this.settings.set("enable_subscribers", "1");
		long api = component("Public API");
		long cdn = component("Image CDN");
		// the page is rebuilt in the background shortly after a change
		this.browser.until(Duration.ofSeconds(10), Duration.ofMillis(250), (driver) -> {
			this.browser.open("/");
			return driver.getPageSource().contains("Image CDN")
					&& !driver.findElements(By.linkText("Subscribe to updates")).isEmpty();
		});
		this.browser.click(By.linkText("Subscribe to updates"));
		this.browser.type("email", "reader@example.org");
		this.browser.click(By.cssSelector(".subscribe-form button[type=submit]"));
		awaitNotice("We have sent you an e-mail");

		await().atMost(Duration.ofSeconds(20)).until(() -> smtp.getReceivedMessages().length == 1);
		String mail = GreenMailUtil.getBody(smtp.getReceivedMessages()[0]).replace("=\r\n", "").replace("=3D", "=");
		Matcher link = Pattern.compile("http://localhost:\\d+/subscribe/verify/\\S+").matcher(mail);
		assertThat(link.find()).isTrue();
		this.browser.driver().get(link.group());

		awaitNotice("You are subscribed");
		assertThat(checkbox(api).isSelected()).isTrue();
		assertThat(checkbox(cdn).isSelected()).isTrue();
		this.browser.click(checkboxSelector(cdn));
		this.browser.click(By.cssSelector(".subscribe-manage button[type=submit]"));
		awaitNotice("Your subscription has been updated");
		assertThat(checkbox(cdn).isSelected()).isFalse();
		SubscriberView reader = reader();
		assertThat(reader.isVerified()).isTrue();
		assertThat(reader.global()).isFalse();
		assertThat(reader.subscriptions()).extracting((s) -> s.componentId()).containsExactly(api);

		this.browser.click(By.linkText("Unsubscribe from everything"));
		this.browser.click(By.cssSelector(".unsubscribe button"));
		awaitNotice("Your subscription has been cancelled");
		assertThat(this.subscribers.findSubscribers(ListQuery.all()).items())
			.noneMatch((s) -> "reader@example.org".equals(s.email()));
	}

	/**
	 * Waits for the page a click leads to, until it shows this notice.
	 */
	private void awaitNotice(String text) {
		this.browser.waitForText(By.cssSelector(".notice"), text);
	}

	private WebElement checkbox(long componentId) {
		return this.browser.waitFor(checkboxSelector(componentId));
	}

	private static By checkboxSelector(long componentId) {
		return By.cssSelector("input[name=components][value='" + componentId + "']");
	}

	private SubscriberView reader() {
		return this.subscribers.findSubscribers(ListQuery.all())
			.items()
			.stream()
			.filter((s) -> "reader@example.org".equals(s.email()))
			.findFirst()
			.orElseThrow();
	}

	private long component(String name) {
		return this.components
			.createComponent(
					new CreateComponent(name, "", "", ComponentStatus.OPERATIONAL, 0, 0, true, null, List.of()))
			.id();
	}

}
