package io.cachet.component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import io.cachet.component.UptimeCalculator.DayCount;
import io.cachet.component.internal.ComponentRepository;
import io.cachet.component.internal.StatusHistoryRepository;
import io.cachet.component.internal.StatusHistoryRepository.StatusChange;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Uptime of components over the last days, from their status history (see
 * {@link UptimeCalculator} for how the time in each status is counted). Finished days
 * come from the daily roll-ups ({@link UptimeRollup}); only today is counted from the raw
 * history.
 */
@Service
public class ComponentUptimeService {

	/** The most days {@link #componentUptime} counts. */
	public static final int MAX_DAYS = 365;

	private final StatusHistoryRepository history;

	private final UptimeRollup rollup;

	private final ComponentRepository components;

	private final Clock clock;

	ComponentUptimeService(StatusHistoryRepository history, UptimeRollup rollup, ComponentRepository components,
			Clock clock) {
		this.history = history;
		this.rollup = rollup;
		this.components = components;
		this.clock = clock;
	}

	/**
	 * @param days the number of days, today included
	 * @param zone the time zone the days are counted in (the page's)
	 * @return uptime by component id, for every component with history
	 */
	@Transactional(readOnly = true)
	public Map<Long, ComponentUptime> lastDays(int days, ZoneId zone) {
		return uptime(days, zone, null);
	}

	/**
	 * @param days the number of days, today included, 1 to {@value #MAX_DAYS}
	 * @param zone the time zone the days are counted in (the page's)
	 * @return the component's uptime, with days without data when it has no history
	 * @throws ComponentNotFoundException for an unknown or deleted component
	 */
	@Transactional(readOnly = true)
	public ComponentUptime componentUptime(long componentId, int days, ZoneId zone) {
		if (days < 1 || days > MAX_DAYS) {
			throw new IllegalArgumentException("days must be between 1 and " + MAX_DAYS + ", not " + days);
		}
		this.components.findById(componentId).orElseThrow(() -> ComponentNotFoundException.forId(componentId));
		ComponentUptime uptime = uptime(days, zone, componentId).get(componentId);
		if (uptime != null) {
			return uptime;
		}
		Instant now = this.clock.instant();
		return UptimeCalculator.calculate(componentId, List.of(), firstDay(now, days, zone), days, zone, now);
	}

	/**
	 * Rolls up the finished days among the last {@code days} that are not stored yet (the
	 * roll-up job; reads do it too when they find a day missing).
	 * @return the number of days rolled up
	 */
	public int rollUpMissingDays(int days, ZoneId zone) {
		Instant now = this.clock.instant();
		return this.rollup.rollUp(firstDay(now, days, zone), LocalDate.ofInstant(now, zone), zone, now);
	}

	/**
	 * Records a status a component had in the past (demo data, imports). The stored daily
	 * roll-ups from that day on are forgotten and rolled up again when next needed.
	 */
	@Transactional
	public void recordHistoricalStatus(long componentId, ComponentStatus status, Instant at) {
		this.history.record(componentId, null, status, StatusChangeSource.MANUAL, at);
		this.rollup.invalidateFrom(at);
	}

	private Map<Long, ComponentUptime> uptime(int days, ZoneId zone, @Nullable Long componentId) {
		Instant now = this.clock.instant();
		LocalDate today = LocalDate.ofInstant(now, zone);
		LocalDate firstDay = firstDay(now, days, zone);
		LocalDate yesterday = today.minusDays(1);
		Instant midnight = today.atStartOfDay(zone).toInstant();
		// Yesterday is read even for a one-day bar: today starts from its end status.
		Map<Long, Map<LocalDate, DayCount>> finished = this.rollup
			.finishedDays(firstDay.isBefore(yesterday) ? firstDay : yesterday, today, zone, now, componentId);
		Map<Long, List<StatusChange>> todays = this.history.changesBetween(midnight, null, componentId);
		Set<Long> ids = new TreeSet<>(finished.keySet());
		ids.addAll(todays.keySet());
		Map<Long, ComponentUptime> uptime = new TreeMap<>();
		for (long id : ids) {
			Map<LocalDate, DayCount> stored = finished.getOrDefault(id, Map.of());
			List<DayCount> counts = new ArrayList<>(days);
			for (LocalDate day = firstDay; day.isBefore(today); day = day.plusDays(1)) {
				counts.add(stored.getOrDefault(day, DayCount.none(day)));
			}
			List<StatusChange> sinceMidnight = new ArrayList<>();
			DayCount last = stored.get(yesterday);
			if (last != null && last.endStatus() != null) {
				sinceMidnight.add(new StatusChange(last.endStatus(), midnight));
			}
			sinceMidnight.addAll(todays.getOrDefault(id, List.of()));
			counts.add(UptimeCalculator.count(sinceMidnight, today, zone, now));
			uptime.put(id, UptimeCalculator.summarise(id, counts));
		}
		return uptime;
	}

	private static LocalDate firstDay(Instant now, int days, ZoneId zone) {
		return LocalDate.ofInstant(now, zone).minusDays(days - 1L);
	}

}
