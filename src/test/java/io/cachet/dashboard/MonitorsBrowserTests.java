package io.cachet.dashboard;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.sun.net.httpserver.HttpServer;
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
import io.cachet.component.ComponentService;
import io.cachet.component.ComponentStatus;
import io.cachet.component.CreateComponent;
import io.cachet.user.UserService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monitor pages in a real headless Chromium: an HTTP monitor is made with the form,
 * listed, and turns up against a local HTTP server.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "cachet.test.context=monitors-browser", "cachet.monitors.minimum-interval=1" })
class MonitorsBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	UserService users;

	@Autowired
	ComponentService components;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	LoginThrottle throttle;

	ChromeDriver browser;

	HttpServer target;

	@BeforeEach
	void start() throws Exception {
		this.target = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.target.createContext("/health", (exchange) -> {
			byte[] body = "all good".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		this.target.start();
		this.browser = HeadlessChromium.start();
	}

	@AfterEach
	void stop() {
		if (this.browser != null) {
			this.browser.quit();
		}
		this.target.stop(0);
		this.jdbc.sql("DELETE FROM monitors").update();
	}

	@Test
	void httpMonitorIsCreatedWithTheFormListedAndGoesUp() {
		String name = "Storefront " + System.nanoTime();
		this.components
			.createComponent(new CreateComponent(name, "", "", ComponentStatus.UNKNOWN, 0, 0, true, null, List.of()));
		String username = "monitors" + System.nanoTime();
		this.users.createUser(TestUsers.admin(username));
		this.throttle.clear();
		open("/auth/login");
		type("username", username);
		type("password", "correct horse battery");
		this.browser.findElement(By.cssSelector("button[type=submit]")).click();
		waitForText(By.tagName("h1"), "Overview");

		this.browser.findElement(By.linkText("Monitors")).click();
		waitForText(By.tagName("h1"), "Monitors");
		this.browser.findElement(By.linkText("Add a monitor")).click();
		new Select(this.browser.findElement(By.id("componentId"))).selectByVisibleText(name);
		new Select(this.browser.findElement(By.id("type"))).selectByVisibleText("http");
		String url = "http://127.0.0.1:" + this.target.getAddress().getPort() + "/health";
		type("target", url);
		type("interval", "1");
		type("timeout", "1");
		type("expectedStatus", "200");
		type("keyword", "good");
		this.browser.findElement(By.cssSelector("#monitor-form button.primary")).click();

		waitForText(By.cssSelector("p.notice.success"), "created");
		assertThat(this.browser.findElement(By.id("monitors")).getText()).contains(name).contains("http").contains(url);
		new WebDriverWait(this.browser, Duration.ofSeconds(20)).pollingEvery(Duration.ofMillis(500)).until((driver) -> {
			driver.navigate().refresh();
			return driver.findElement(By.cssSelector("#monitors .state")).getText().equals("up");
		});
		assertThat(this.browser.findElement(By.cssSelector("#monitors .state")).getAttribute("class"))
			.contains("state-up");

		this.browser.findElement(By.linkText(name)).click();
		waitForText(By.tagName("h1"), "Monitor of " + name);
		assertThat(this.browser.findElement(By.id("results")).getText()).contains("up").contains("200");
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
