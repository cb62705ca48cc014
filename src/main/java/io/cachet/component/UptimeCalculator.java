package io.cachet.component;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.cachet.component.internal.StatusHistoryRepository.StatusChange;

/**
 * Turns a component's status history into daily uptime, the way Statuspage counts it: a
 * major outage is downtime, a partial outage counts as 30 % downtime, performance issues
 * count as up, and time with an unknown status (or before the component existed) is left
 * out of the arithmetic instead of being called up or down.
 */
final class UptimeCalculator {

	static final double PARTIAL_OUTAGE_WEIGHT = 0.3;

	private UptimeCalculator() {
	}

	/**
	 * @param changes the status at the start of the window (if known) and every change
	 * after, oldest first
	 * @param firstDay the first day of the bar, in {@code zone}
	 * @param days how many days, the last one being today
	 */
	static ComponentUptime calculate(long componentId, List<StatusChange> changes, LocalDate firstDay, int days,
			ZoneId zone, Instant now) {
		return summarise(componentId, countDays(changes, firstDay, days, zone, now));
	}

	/**
	 * @param changes as for {@link #calculate}
	 * @return the count of each day, oldest first
	 */
	static List<DayCount> countDays(List<StatusChange> changes, LocalDate firstDay, int days, ZoneId zone,
			Instant now) {
		List<DayCount> counts = new ArrayList<>(days);
		int start = 0;
		for (int i = 0; i < days; i++) {
			LocalDate date = firstDay.plusDays(i);
			Instant dayStart = date.atStartOfDay(zone).toInstant();
			// A change followed by another before the day starts adds nothing to it or
			// later.
			while (start + 1 < changes.size() && !changes.get(start + 1).at().isAfter(dayStart)) {
				start++;
			}
			counts.add(count(changes.subList(start, changes.size()), date, zone, now));
		}
		return counts;
	}

	/**
	 * @param changes the status in force when the day starts (if known) and the changes
	 * after, oldest first
	 */
	static DayCount count(List<StatusChange> changes, LocalDate date, ZoneId zone, Instant now) {
		Instant dayStart = date.atStartOfDay(zone).toInstant();
		Instant nextDay = date.plusDays(1).atStartOfDay(zone).toInstant();
		Instant dayEnd = min(nextDay, now);
		long[] secondsByStatus = new long[ComponentStatus.values().length];
		ComponentStatus worst = ComponentStatus.UNKNOWN;
		ComponentStatus endStatus = null;
		for (int c = 0; c < changes.size() && changes.get(c).at().isBefore(nextDay); c++) {
			ComponentStatus status = changes.get(c).status();
			endStatus = status;
			Instant from = max(changes.get(c).at(), dayStart);
			Instant to = min((c + 1 < changes.size()) ? changes.get(c + 1).at() : now, dayEnd);
			if (to.isAfter(from)) {
				secondsByStatus[status.ordinal()] += Duration.between(from, to).toSeconds();
				if (status.code() > worst.code()) {
					worst = status;
				}
			}
		}
		long major = secondsByStatus[ComponentStatus.MAJOR_OUTAGE.ordinal()];
		long partial = secondsByStatus[ComponentStatus.PARTIAL_OUTAGE.ordinal()];
		long degraded = secondsByStatus[ComponentStatus.PERFORMANCE_ISSUES.ordinal()];
		long known = major + partial + degraded + secondsByStatus[ComponentStatus.OPERATIONAL.ordinal()];
		return new DayCount(date, worst, major, partial, degraded, known, endStatus);
	}

	/**
	 * @param counts one per day, oldest first
	 */
	static ComponentUptime summarise(long componentId, List<DayCount> counts) {
		List<DailyUptime> bar = new ArrayList<>(counts.size());
		long knownTotal = 0;
		double downTotal = 0;
		for (DayCount count : counts) {
			bar.add(count.toDailyUptime());
			knownTotal += count.knownSeconds();
			downTotal += count.downSeconds();
		}
		return new ComponentUptime(componentId, List.copyOf(bar), (knownTotal > 0) ? 1 - downTotal / knownTotal : null);
	}

	private static Instant min(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

	private static Instant max(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	/**
	 * The seconds a component spent in each status on one day: what a roll-up stores.
	 *
	 * @param knownSeconds the seconds with a known status, the denominator of the uptime
	 * @param endStatus the status in force at the end of the day (at {@code now} for
	 * today), {@code null} when the component had no history by then
	 */
	record DayCount(LocalDate date, ComponentStatus worst, long majorSeconds, long partialSeconds, long degradedSeconds,
			long knownSeconds, @Nullable ComponentStatus endStatus) {

		static DayCount none(LocalDate date) {
			return new DayCount(date, ComponentStatus.UNKNOWN, 0, 0, 0, 0, null);
		}

		double downSeconds() {
			return this.majorSeconds + PARTIAL_OUTAGE_WEIGHT * this.partialSeconds;
		}

		@Nullable Double uptime() {
			return (this.knownSeconds > 0) ? 1 - downSeconds() / this.knownSeconds : null;
		}

		DailyUptime toDailyUptime() {
			return new DailyUptime(this.date, uptime(), this.worst, this.majorSeconds, this.partialSeconds,
					this.degradedSeconds);
		}

	}

}
