package io.cachet.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchSessionException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * One headless Chromium per test, for the browser tests: register it with
 * {@code @RegisterExtension final Chromium browser = new Chromium();} in a
 * {@code @SpringBootTest(webEnvironment = RANDOM_PORT)} class, and it opens paths on that
 * server.
 * <p>
 * Every wait here looks the page up again at each poll and treats an element that went
 * away meanwhile (the page was replaced by the next one: "stale element", "node does not
 * belong to the document") as "not yet". Holding on to an element across a navigation is
 * what made the browser tests flaky; a condition that re-queries cannot be.
 */
public final class Chromium implements BeforeEachCallback, AfterEachCallback {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final String CSP_RECORDER = "window.__cspViolations = [];"
			+ "document.addEventListener('securitypolicyviolation', function (e) {"
			+ "window.__cspViolations.push(e.effectiveDirective + ' refused ' + (e.blockedURI || 'inline')"
			+ " + ' at ' + e.sourceFile + ':' + e.lineNumber); });";

	private @Nullable ChromeDriver driver;

	private int port;

	@Override
	public void beforeEach(ExtensionContext context) {
		this.port = SpringExtension.getApplicationContext(context)
			.getEnvironment()
			.getRequiredProperty("local.server.port", Integer.class);
		this.driver = HeadlessChromium.start();
		// Injected by the DevTools protocol, so the page's Content-Security-Policy does
		// not
		// apply to it: it records every refusal of the policy from the document's start.
		this.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", CSP_RECORDER));
	}

	@Override
	public void afterEach(ExtensionContext context) {
		if (this.driver != null) {
			this.driver.quit();
			this.driver = null;
		}
	}

	public ChromeDriver driver() {
		if (this.driver == null) {
			throw new IllegalStateException("The browser runs only during a test");
		}
		return this.driver;
	}

	public int port() {
		return this.port;
	}

	public String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	public void open(String path) {
		driver().get(url(path));
	}

	/**
	 * Waits until the condition holds, evaluating it on the page as it is at each poll.
	 */
	public <T> T until(Function<WebDriver, @Nullable T> condition) {
		return until(WAIT, condition);
	}

	public <T> T until(Duration timeout, Function<WebDriver, @Nullable T> condition) {
		return until(timeout, Duration.ofMillis(100), condition);
	}

	/**
	 * @param poll how long to wait between two evaluations (a condition that reloads the
	 * page wants more than the default tenth of a second)
	 */
	public <T> T until(Duration timeout, Duration poll, Function<WebDriver, @Nullable T> condition) {
		return new WebDriverWait(driver(), timeout).pollingEvery(poll)
			.until((webDriver) -> evaluate(webDriver, condition));
	}

	/**
	 * Waits until an element matching the selector shows the text.
	 */
	public void waitForText(By selector, String text) {
		until((webDriver) -> webDriver.findElements(selector)
			.stream()
			.anyMatch((element) -> element.getText().contains(text)) ? Boolean.TRUE : null);
	}

	/**
	 * Waits until an element matching the selector is displayed.
	 */
	public WebElement waitFor(By selector) {
		return until((webDriver) -> webDriver.findElements(selector)
			.stream()
			.filter(WebElement::isDisplayed)
			.findFirst()
			.orElse(null));
	}

	/**
	 * Clicks the element once it is there and clickable, looking it up afresh until the
	 * click lands.
	 */
	public void click(By selector) {
		until((webDriver) -> {
			webDriver.findElement(selector).click();
			return Boolean.TRUE;
		});
	}

	public void type(String id, String text) {
		until((webDriver) -> {
			WebElement field = webDriver.findElement(By.id(id));
			field.clear();
			field.sendKeys(text);
			return Boolean.TRUE;
		});
	}

	public void select(String id, String value) {
		until((webDriver) -> {
			new Select(webDriver.findElement(By.id(id))).selectByValue(value);
			return Boolean.TRUE;
		});
	}

	public void selectText(String id, String text) {
		until((webDriver) -> {
			new Select(webDriver.findElement(By.id(id))).selectByVisibleText(text);
			return Boolean.TRUE;
		});
	}

	/**
	 * @return the JavaScript console's errors (and failed loads of the page's resources,
	 * and Content-Security-Policy refusals, whatever their level) since the last call
	 */
	public List<String> consoleErrors() {
		return driver().manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter((entry) -> entry.getLevel().intValue() >= Level.SEVERE.intValue()
					|| entry.getMessage().contains("Content Security Policy"))
			.map(LogEntry::getMessage)
			.toList();
	}

	/**
	 * @return what the current page's Content-Security-Policy refused since the page
	 * started loading (the {@code securitypolicyviolation} events), empty when nothing
	 */
	public List<String> cspViolations() {
		Object found = driver().executeScript("return window.__cspViolations || [];");
		if (!(found instanceof List<?> list)) {
			return List.of();
		}
		return list.stream().map(String::valueOf).toList();
	}

	/**
	 * Saves a screenshot of the window as {@code target/screenshots/{name}.png}.
	 */
	public Path screenshot(String name) throws IOException {
		Path file = Path.of("target", "screenshots", name + ".png");
		Files.createDirectories(file.getParent());
		Files.write(file, driver().getScreenshotAs(OutputType.BYTES));
		return file;
	}

	private static <T> @Nullable T evaluate(WebDriver webDriver, Function<WebDriver, @Nullable T> condition) {
		try {
			return condition.apply(webDriver);
		}
		catch (NoSuchSessionException ex) {
			throw ex;
		}
		catch (WebDriverException ex) {
			// The page changed under the condition (stale element, node no longer in
			// the document, not there yet, not clickable yet): look again next poll.
			return null;
		}
	}

}
