package io.cachet.component;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

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
		List<DailyUptime> bar = new ArrayList<>(days);
		long knownTotal = 0;
		double downTotal = 0;
		for (int i = 0; i < days; i++) {
			LocalDate date = firstDay.plusDays(i);
			Instant dayStart = date.atStartOfDay(zone).toInstant();
			Instant dayEnd = min(date.plusDays(1).atStartOfDay(zone).toInstant(), now);
			long[] secondsByStatus = new long[ComponentStatus.values().length];
			ComponentStatus worst = ComponentStatus.UNKNOWN;
			for (int c = 0; c < changes.size(); c++) {
				Instant from = max(changes.get(c).at(), dayStart);
				Instant to = min((c + 1 < changes.size()) ? changes.get(c + 1).at() : now, dayEnd);
				if (to.isAfter(from)) {
					ComponentStatus status = changes.get(c).status();
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
			double down = major + PARTIAL_OUTAGE_WEIGHT * partial;
			Double uptime = (known > 0) ? 1 - down / known : null;
			bar.add(new DailyUptime(date, uptime, worst, major, partial, degraded));
			knownTotal += known;
			downTotal += down;
		}
		return new ComponentUptime(componentId, List.copyOf(bar), (knownTotal > 0) ? 1 - downTotal / knownTotal : null);
	}

	private static Instant min(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

	private static Instant max(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

}
