package io.cachet.statuspage;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import io.cachet.StatusPageTest;
import io.cachet.browser.Chromium;
import io.cachet.component.ComponentService;
import io.cachet.component.ComponentStatus;
import io.cachet.incident.IncidentService;
import io.cachet.incident.IncidentStatus;
import io.cachet.metric.MetricService;
import io.cachet.metric.SaveMetric;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public page in a real headless Chromium: it renders, the charts draw, and the view
 * switch shows another chart.
 */
@StatusPageTest
class StatusPageBrowserTests {

	@RegisterExtension
	final Chromium browser = new Chromium();

	@Autowired
	ComponentService components;

	@Autowired
	IncidentService incidents;

	@Autowired
	MetricService metrics;

	@Autowired
	StatusPageRefresher refresher;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	io.cachet.user.UserService users;

	@Test
	void pageRendersChartsDrawAndTheViewSwitchWorks() {
		StatusPageFixtures.clear(this.jdbc);
		io.cachet.TestUsers.ensureSetUp(this.users);
		var fixtures = new StatusPageFixtures(this.browser.port(), this.components, this.incidents);
		long group = fixtures.group("Platform", 0, 1);
		fixtures.component("API", ComponentStatus.OPERATIONAL, group);
		fixtures.component("Website", ComponentStatus.PERFORMANCE_ISSUES, group);
		fixtures.incident("Slow pages", IncidentStatus.WATCHING, true, null);
		long metric = this.metrics
			.createMetric(new SaveMetric("Response time", "ms", null, BigDecimal.ZERO, 1, true, 0, 0, null, null, 1))
			.id();
		for (int value : List.of(120, 80, 95)) {
			this.metrics.addPoint(metric, BigDecimal.valueOf(value), null);
		}
		this.refresher.rebuild();

		this.browser.open("/");

		assertThat(this.browser.driver().findElement(By.cssSelector(".status-banner")).getText())
			.isEqualTo("Some systems are experiencing issues");
		assertThat(this.browser.driver().findElement(By.cssSelector("[data-group] summary")).getText())
			.contains("Platform");
		assertThat(this.browser.driver().findElement(By.cssSelector(".timeline")).getText()).contains("Slow pages");
		WebElement visibleChart = visibleChart();
		assertThat(visibleChart.getAttribute("data-period")).isEqualTo("last_hour");
		WebElement line = visibleChart.findElement(By.cssSelector("polyline.line"));
		assertThat(line.getSize().getWidth()).isGreaterThan(100);
		assertThat(line.getAttribute("points").split(" ")).hasSize(61);

		Select view = new Select(this.browser.driver().findElement(By.cssSelector(".metric-view")));
		assertThat(this.browser.driver().findElement(By.cssSelector(".view-select")).isDisplayed()).isTrue();
		view.selectByValue("week");

		this.browser.until((driver) -> "week".equals(visibleChart().getAttribute("data-period")));
		assertThat(visibleChart().findElement(By.cssSelector("polyline.line")).getAttribute("points").split(" "))
			.hasSize(7);
		assertThat(visibleChart().findElement(By.cssSelector("polyline.line")).getSize().getWidth()).isGreaterThan(100);
		assertThat(visibleChart().getText()).contains("ms");
		assertThat(this.browser.driver()
			.findElements(By.cssSelector(".chart-view"))
			.stream()
			.filter(WebElement::isDisplayed)).hasSize(1);
	}

	private WebElement visibleChart() {
		return this.browser.driver()
			.findElements(By.cssSelector(".chart-view"))
			.stream()
			.filter(WebElement::isDisplayed)
			.findFirst()
			.orElseThrow();
	}

}
