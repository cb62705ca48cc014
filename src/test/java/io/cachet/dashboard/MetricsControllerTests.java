package io.cachet.dashboard;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import io.cachet.metric.MetricNotFoundException;
import io.cachet.metric.MetricService;
import io.cachet.metric.MetricView;
import io.cachet.metric.SaveMetric;
import io.cachet.shared.InvalidInputException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static io.cachet.dashboard.ComponentsControllerTests.NOW;
import static io.cachet.dashboard.ComponentsControllerTests.admin;
import static io.cachet.dashboard.ComponentsControllerTests.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

@DashboardSliceTest(MetricsController.class)
class MetricsControllerTests {

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	MetricService metrics;

	@Test
	void listsMetrics() {
		given(this.metrics.findMetrics(any())).willReturn(page(List.of(metric(2, "Response time"))));

		assertThat(this.mvc.get().uri("/dashboard/metrics").with(admin())).hasStatusOk()
			.hasViewName("dashboard/metrics")
			.bodyText()
			.contains("Response time");
	}

	@Test
	void rejectsMetricWithoutNameOrDefaultAndWithAThresholdOutOfRange() {
		assertThat(this.mvc.post()
			.uri("/dashboard/metrics")
			.params(fields("threshold", "61"))
			.param("name", "")
			.param("defaultValue", "")
			.with(admin())
			.with(csrf())).hasStatusOk()
			.hasViewName("dashboard/metric-form")
			.model()
			.containsEntry("metricId", null)
			.extractingBindingResult("form")
			.hasFieldErrors("name", "defaultValue", "threshold");
		then(this.metrics).should(never()).createMetric(any());
	}

	@Test
	void ruleBrokenInTheServiceComesBackAsAFormError() {
		given(this.metrics.createMetric(any()))
			.willThrow(new InvalidInputException("The threshold must divide an hour."));

		assertThat(this.mvc.post()
			.uri("/dashboard/metrics")
			.params(fields("threshold", "7"))
			.param("name", "Latency")
			.param("defaultValue", "0")
			.with(admin())
			.with(csrf())).hasStatusOk()
			.hasViewName("dashboard/metric-form")
			.bodyText()
			.contains("The threshold must divide an hour.");
	}

	@Test
	void createsMetricWithMessage() {
		assertThat(this.mvc.post()
			.uri("/dashboard/metrics")
			.params(fields("threshold", "5"))
			.param("name", "Latency")
			.param("suffix", "ms")
			.param("defaultValue", "0")
			.with(admin())
			.with(csrf())).hasStatus(HttpStatus.FOUND)
			.hasRedirectedUrl("/dashboard/metrics")
			.flash()
			.containsEntry("message", "Metric Latency created.");
		ArgumentCaptor<SaveMetric> command = ArgumentCaptor.forClass(SaveMetric.class);
		then(this.metrics).should().createMetric(command.capture());
		assertThat(command.getValue().name()).isEqualTo("Latency");
		assertThat(command.getValue().suffix()).isEqualTo("ms");
		assertThat(command.getValue().displayChart()).isFalse();
	}

	@Test
	void aMissingMetricIsTheNotFoundPage() {
		given(this.metrics.getMetric(404)).willThrow(MetricNotFoundException.forId(404));

		assertThat(this.mvc.get().uri("/dashboard/metrics/404").with(admin())).hasStatus(HttpStatus.NOT_FOUND)
			.hasViewName("dashboard/not-found");
		assertThat(this.mvc.post().uri("/dashboard/metrics/404").param("name", "x").with(admin()).with(csrf()))
			.hasStatus(HttpStatus.NOT_FOUND);
		then(this.metrics).should(never()).updateMetric(anyLong(), any());
	}

	@Test
	void addsAPointOrSaysWhyNot() {
		assertThat(
				this.mvc.post().uri("/dashboard/metrics/2/points").param("value", " 12.5 ").with(admin()).with(csrf()))
			.hasRedirectedUrl("/dashboard/metrics/2")
			.flash()
			.containsEntry("message", "Point added.");
		then(this.metrics).should().addPoint(eq(2L), eq(new BigDecimal("12.5")), any());

		assertThat(this.mvc.post().uri("/dashboard/metrics/2/points").param("value", "lots").with(admin()).with(csrf()))
			.hasRedirectedUrl("/dashboard/metrics/2")
			.flash()
			.containsEntry("error", "The value must be a number.");

		given(this.metrics.addPoint(eq(2L), eq(new BigDecimal("1E+20")), any()))
			.willThrow(new InvalidInputException("The value is too large."));
		assertThat(
				this.mvc.post().uri("/dashboard/metrics/2/points").param("value", "1E+20").with(admin()).with(csrf()))
			.flash()
			.containsEntry("error", "The value is too large.");
	}

	@Test
	void deletesMetric() {
		assertThat(this.mvc.post().uri("/dashboard/metrics/2/delete").with(admin()).with(csrf()))
			.hasRedirectedUrl("/dashboard/metrics")
			.flash()
			.containsEntry("message", "Metric deleted.");
		then(this.metrics).should().deleteMetric(2);
	}

	static MetricView metric(long id, String name) {
		return new MetricView(id, name, "ms", null, BigDecimal.ZERO, 0, true, 2, 1, 5, 0, 1, NOW, NOW);
	}

	/**
	 * @return the fields the form always sends, with its initial values except the
	 * {@code changed} ones (name, value, name, value...)
	 */
	static org.springframework.util.MultiValueMap<String, String> fields(String... changed) {
		var fields = new org.springframework.util.LinkedMultiValueMap<String, String>();
		Map.of("calcType", "0", "places", "2", "defaultView", "1", "threshold", "5", "order", "0", "visible", "1")
			.forEach(fields::add);
		for (int i = 0; i < changed.length; i += 2) {
			fields.set(changed[i], changed[i + 1]);
		}
		return fields;
	}

}
