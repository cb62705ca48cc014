package io.cachet.notification;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.cachet.TestUsers;
import io.cachet.browser.HeadlessChromium;
import io.cachet.component.ComponentService;
import io.cachet.component.ComponentStatus;
import io.cachet.component.CreateComponent;
import io.cachet.settings.SettingsService;
import io.cachet.shared.ListQuery;
import io.cachet.subscriber.SubscriberService;
import io.cachet.subscriber.SubscriberView;
import io.cachet.user.UserService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The subscribe journey in a real headless Chromium, with the e-mail going through a real
 * SMTP server: subscribe from the page, confirm from the e-mail, choose components,
 * unsubscribe.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "cachet.test.context=subscribe-browser",
		"spring.mail.host=127.0.0.1", "spring.mail.port=3025", "cachet.notifications.poll-interval=100ms" })
class SubscribeBrowserTests {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

	@LocalServerPort
	int port;

	@Autowired
	UserService users;

	@Autowired
	SettingsService settings;

	@Autowired
	ComponentService components;

	@Autowired
	SubscriberService subscribers;

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
	void aVisitorSubscribesConfirmsChoosesAComponentAndLeaves() {
		TestUsers.ensureSetUp(this.users);
		this.settings.set("enable_subscribers", "1");
		long api = component("Public API");
		long cdn = component("Image CDN");
		// the page is rebuilt in the background shortly after a change
		await().atMost(Duration.ofSeconds(10)).until(() -> {
			this.browser.get("http://localhost:" + this.port + "/");
			return this.browser.getPageSource().contains("Image CDN")
					&& !this.browser.findElements(By.linkText("Subscribe to updates")).isEmpty();
		});
		this.browser.findElement(By.linkText("Subscribe to updates")).click();
		this.browser.findElement(By.id("email")).sendKeys("reader@example.org");
		this.browser.findElement(By.cssSelector(".subscribe-form button[type=submit]")).click();
		awaitNotice("We have sent you an e-mail");

		await().atMost(Duration.ofSeconds(20)).until(() -> smtp.getReceivedMessages().length == 1);
		String mail = GreenMailUtil.getBody(smtp.getReceivedMessages()[0]).replace("=\r\n", "").replace("=3D", "=");
		Matcher link = Pattern.compile("http://localhost:\\d+/subscribe/verify/\\S+").matcher(mail);
		assertThat(link.find()).isTrue();
		this.browser.get(link.group());

		awaitNotice("You are subscribed");
		WebElement cdnBox = checkbox(cdn);
		assertThat(checkbox(api).isSelected()).isTrue();
		assertThat(cdnBox.isSelected()).isTrue();
		cdnBox.click();
		this.browser.findElement(By.cssSelector(".subscribe-manage button[type=submit]")).click();
		awaitNotice("Your subscription has been updated");
		assertThat(checkbox(cdn).isSelected()).isFalse();
		SubscriberView reader = reader();
		assertThat(reader.isVerified()).isTrue();
		assertThat(reader.global()).isFalse();
		assertThat(reader.subscriptions()).extracting((s) -> s.componentId()).containsExactly(api);

		this.browser.findElement(By.linkText("Unsubscribe from everything")).click();
		this.browser.findElement(By.cssSelector(".unsubscribe button")).click();
		awaitNotice("Your subscription has been cancelled");
		assertThat(this.subscribers.findSubscribers(ListQuery.all()).items())
			.noneMatch((s) -> "reader@example.org".equals(s.email()));
	}

	/**
	 * Waits for the page a click leads to, until it shows this notice.
	 */
	private void awaitNotice(String text) {
		new WebDriverWait(this.browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
			.until((driver) -> driver.findElements(By.cssSelector(".notice"))
				.stream()
				.anyMatch((notice) -> notice.getText().contains(text)));
	}

	private WebElement checkbox(long componentId) {
		return this.browser.findElement(By.cssSelector("input[name=components][value='" + componentId + "']"));
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
