package io.cachet.dashboard;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import io.cachet.IsolatedIntegrationTest;
import io.cachet.TestUsers;
import io.cachet.browser.Chromium;
import io.cachet.component.ComponentService;
import io.cachet.component.ComponentStatus;
import io.cachet.component.CreateComponent;
import io.cachet.user.UserService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monitor pages in a real headless Chromium: an HTTP monitor is made with the form,
 * listed, and turns up against a local HTTP server.
 */
@IsolatedIntegrationTest(properties = "cachet.monitors.minimum-interval=1")
class MonitorsBrowserTests {

	@RegisterExtension
	final Chromium browser = new Chromium();

	@Autowired
	UserService users;

	@Autowired
	ComponentService components;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	LoginThrottle throttle;

	HttpServer target;

	@BeforeEach
	void startTarget() throws Exception {
		this.target = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.target.createContext("/health", (exchange) -> {
			byte[] body = "all good".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		this.target.start();
	}

	@AfterEach
	void stopTarget() {
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
		this.browser.open("/auth/login");
		this.browser.type("username", username);
		this.browser.type("password", "correct horse battery");
		this.browser.click(By.cssSelector("button[type=submit]"));
		this.browser.waitForText(By.tagName("h1"), "Overview");

		this.browser.click(By.linkText("Monitors"));
		this.browser.waitForText(By.tagName("h1"), "Monitors");
		this.browser.click(By.linkText("Add a monitor"));
		this.browser.selectText("componentId", name);
		this.browser.selectText("type", "http");
		String url = "http://127.0.0.1:" + this.target.getAddress().getPort() + "/health";
		this.browser.type("target", url);
		this.browser.type("interval", "1");
		this.browser.type("timeout", "1");
		this.browser.type("expectedStatus", "200");
		this.browser.type("keyword", "good");
		this.browser.click(By.cssSelector("#monitor-form button.primary"));

		this.browser.waitForText(By.cssSelector("p.notice.success"), "created");
		this.browser.waitForText(By.id("monitors"), url);
		assertThat(this.browser.driver().findElement(By.id("monitors")).getText()).contains(name).contains("http");
		this.browser.until(Duration.ofSeconds(20), Duration.ofMillis(500), (driver) -> {
			driver.navigate().refresh();
			return driver.findElement(By.cssSelector("#monitors .state")).getText().equals("up");
		});
		assertThat(this.browser.driver().findElement(By.cssSelector("#monitors .state")).getAttribute("class"))
			.contains("state-up");

		this.browser.click(By.linkText(name));
		this.browser.waitForText(By.tagName("h1"), "Monitor of " + name);
		this.browser.waitForText(By.id("results"), "200");
		assertThat(this.browser.driver().findElement(By.id("results")).getText()).contains("up");
	}

}
