package io.cachet.crawl;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import io.cachet.DemoSiteTest;
import io.cachet.browser.Chromium;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main public and dashboard pages with the demo data, in a real headless Chromium:
 * each loads with no error in the JavaScript console (scripts that throw, resources that
 * fail to load) and nothing refused by its Content-Security-Policy (the
 * {@code securitypolicyviolation} events, recorded from the document's start).
 * Screenshots of every page land in {@code target/screenshots/} for a look by eye.
 */
@DemoSiteTest
class DemoPagesBrowserTests {

	/** Public pages: the status page, an incident, maintenance, subscribing. */
	private static final List<String> PUBLIC = List.of("/", "/incidents/2", "/schedules/2", "/subscribe");

	private static final List<String> DASHBOARD = List.of("/dashboard", "/dashboard/incidents",
			"/dashboard/incidents/create", "/dashboard/incidents/1", "/dashboard/components",
			"/dashboard/components/groups/1/edit", "/dashboard/metrics", "/dashboard/metrics/1", "/dashboard/schedule",
			"/dashboard/schedule/1", "/dashboard/subscribers", "/dashboard/templates", "/dashboard/settings/setup",
			"/dashboard/settings/theme", "/dashboard/settings/sign-in", "/dashboard/team", "/dashboard/monitors",
			"/dashboard/monitors/1", "/dashboard/upstreams", "/dashboard/webhooks", "/dashboard/webhooks/1",
			"/dashboard/notifications", "/dashboard/audit", "/dashboard/user");

	@RegisterExtension
	final Chromium browser = new Chromium();

	@Test
	void mainPagesLoadWithoutConsoleErrors() throws Exception {
		// the public page is rebuilt in the background after the seeding
		this.browser.until((driver) -> {
			this.browser.open("/");
			return driver.getPageSource().contains("Checkout errors for some cards");
		});
		Map<String, List<String>> errors = new LinkedHashMap<>();
		for (String path : PUBLIC) {
			visit(path, "public", errors);
		}
		this.browser.open("/auth/login");
		this.browser.type("username", "admin@example.com");
		this.browser.type("password", "demo-admin-password");
		this.browser.click(By.cssSelector("button[type=submit]"));
		this.browser.waitForText(By.tagName("h1"), "Overview");
		for (String path : DASHBOARD) {
			visit(path, "dashboard", errors);
		}
		System.out.printf("Browser: %d pages loaded, console errors on %d%n", PUBLIC.size() + DASHBOARD.size(),
				errors.size());
		assertThat(errors).isEmpty();
	}

	private void visit(String path, String prefix, Map<String, List<String>> errors) throws Exception {
		this.browser.consoleErrors();
		this.browser.open(path);
		this.browser.until(
				(driver) -> "complete".equals(((JavascriptExecutor) driver).executeScript("return document.readyState"))
						? Boolean.TRUE : null);
		assertThat(this.browser.driver().getCurrentUrl()).as("where %s leads", path).endsWith(path);
		List<String> found = new java.util.ArrayList<>(this.browser.consoleErrors());
		found.addAll(this.browser.cspViolations());
		assertThat(this.browser.driver().executeScript("return document.querySelectorAll('script:not([src])').length"))
			.as("inline scripts in %s", path)
			.isEqualTo(0L);
		if (!found.isEmpty()) {
			errors.put(path, found);
		}
		String name = prefix + path.replace('/', '_').replaceAll("_+$", "");
		this.browser.screenshot(name.equals(prefix) ? prefix + "_home" : name);
	}

}
