package io.cachet.component;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * One day of a component's uptime bar.
 *
 * @param uptime 0..1, or {@code null} when the component's status is not known for any
 * part of the day (before it existed, or unknown all day)
 * @param worst the worst status the component had that day ({@code UNKNOWN} without data)
 * @param majorOutageSeconds time in major outage
 * @param partialOutageSeconds time in partial outage
 * @param degradedSeconds time with performance issues (does not count as downtime)
 */
public record DailyUptime(LocalDate date, @Nullable Double uptime, ComponentStatus worst, long majorOutageSeconds,
		long partialOutageSeconds, long degradedSeconds) {

	public boolean hasData() {
		return this.uptime != null;
	}

}
