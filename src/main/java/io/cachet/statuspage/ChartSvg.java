package io.cachet.statuspage;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.springframework.web.util.HtmlUtils;

import io.cachet.metric.MetricChart;

/**
 * Draws a metric chart as inline SVG on the server: the chart is in the page's first
 * paint, needs no script and no chart library, and is cached with the page. Each point
 * carries a {@code <title>} so that hovering (or a screen reader) tells its value.
 */
final class ChartSvg {

	private static final int WIDTH = 640;

	private static final int HEIGHT = 180;

	private static final int LEFT = 48;

	private static final int RIGHT = 8;

	private static final int TOP = 10;

	private static final int BOTTOM = 24;

	private ChartSvg() {
	}

	static String render(MetricChart chart, Locale locale) {
		List<MetricChart.Bucket> buckets = chart.buckets();
		BigDecimal max = chart.max();
		BigDecimal min = chart.min().min(BigDecimal.ZERO);
		double range = Math.max(max.subtract(min).doubleValue(), 1e-9);
		if (max.compareTo(min) == 0) {
			range = 1;
		}
		double plotWidth = WIDTH - LEFT - RIGHT;
		double plotHeight = HEIGHT - TOP - BOTTOM;
		double step = (buckets.size() > 1) ? plotWidth / (buckets.size() - 1) : 0;
		DateTimeFormatter label = DateTimeFormatter.ofPattern(chart.period().labelPattern(), locale);
		StringBuilder svg = new StringBuilder(4096);
		svg.append("<svg class=\"chart\" viewBox=\"0 0 ")
			.append(WIDTH)
			.append(' ')
			.append(HEIGHT)
			.append("\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"")
			.append(HtmlUtils.htmlEscape(chart.metric().name()))
			.append("\">");
		// Axis labels: the top and bottom values, and the first, middle and last buckets.
		svg.append("<text class=\"axis\" x=\"").append(LEFT - 6).append("\" y=\"").append(TOP + 4).append("\">");
		svg.append(max.toPlainString()).append("</text>");
		svg.append("<text class=\"axis\" x=\"")
			.append(LEFT - 6)
			.append("\" y=\"")
			.append(HEIGHT - BOTTOM)
			.append("\">");
		svg.append(min.toPlainString()).append("</text>");
		svg.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT);
		svg.append("\" y1=\"").append(HEIGHT - BOTTOM).append("\" y2=\"").append(HEIGHT - BOTTOM).append("\"/>");
		if (!buckets.isEmpty()) {
			int[] labelled = { 0, buckets.size() / 2, buckets.size() - 1 };
			for (int index : labelled) {
				svg.append("<text class=\"axis x\" x=\"")
					.append(format(LEFT + index * step))
					.append("\" y=\"")
					.append(HEIGHT - 6)
					.append("\">")
					.append(HtmlUtils.htmlEscape(label.format(buckets.get(index).start())))
					.append("</text>");
			}
		}
		// One polyline, no element per point: the page carries five metrics in four
		// views,
		// and its size is what a spike pays for. The latest, lowest and highest values
		// are
		// written out under the chart instead of per-point tooltips.
		StringBuilder points = new StringBuilder(buckets.size() * 12);
		for (int i = 0; i < buckets.size(); i++) {
			MetricChart.Bucket bucket = buckets.get(i);
			double x = LEFT + i * step;
			double y = TOP + plotHeight - (bucket.value().subtract(min).doubleValue() / range) * plotHeight;
			points.append(format(x)).append(',').append(format(y)).append(' ');
		}
		svg.append("<polyline class=\"line\" points=\"").append(points.toString().strip()).append("\"/>");
		svg.append("</svg>");
		return svg.toString();
	}

	private static String format(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

}
