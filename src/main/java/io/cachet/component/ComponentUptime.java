package io.cachet.component;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A component's uptime over the last days, oldest day first.
 *
 * @param uptime 0..1 over all the days with data, {@code null} when no day has data
 */
public record ComponentUptime(long componentId, List<DailyUptime> days, @Nullable Double uptime) {

	/**
	 * @return the uptime as a percentage with two decimals, e.g. {@code "99.95"}, or
	 * {@code null}
	 */
	public @Nullable String percentage() {
		return (this.uptime != null)
				? String.format(java.util.Locale.ROOT, "%.2f", Math.floor(this.uptime * 10000) / 100) : null;
	}

}
