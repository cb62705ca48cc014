package io.cachet.metric;

import java.math.BigDecimal;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A metric.
 *
 * @param calcType 0 sum, 1 average (how points of one period are combined)
 * @param places decimal places shown, 0 to 4
 * @param defaultView 0 last hour, 1 last 12 hours, 2 week, 3 month
 * @param threshold minutes within which equal values merge into one point; divides 60
 * @param visible 0 logged-in users only, 1 public, 2 hidden
 */
public record MetricView(long id, String name, String suffix, @Nullable String description, BigDecimal defaultValue,
		int calcType, boolean displayChart, int places, int defaultView, int threshold, int order, int visible,
		Instant createdAt, Instant updatedAt) {

	private static final String[] VIEW_NAMES = { "Last Hour", "Last 12 Hours", "Week", "Month" };

	public String defaultViewName() {
		return (this.defaultView >= 0 && this.defaultView < VIEW_NAMES.length) ? VIEW_NAMES[this.defaultView]
				: VIEW_NAMES[1];
	}

}
