package io.cachet.component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.cachet.component.internal.StatusHistoryRepository;
import io.cachet.component.internal.StatusHistoryRepository.StatusChange;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Uptime of components over the last days, from their status history (see
 * {@link UptimeCalculator} for how the time in each status is counted).
 */
@Service
public class ComponentUptimeService {

	private final StatusHistoryRepository history;

	private final Clock clock;

	ComponentUptimeService(StatusHistoryRepository history, Clock clock) {
		this.history = history;
		this.clock = clock;
	}

	/**
	 * @param days the number of days, today included
	 * @param zone the time zone the days are counted in (the page's)
	 * @return uptime by component id, for every component with history
	 */
	@Transactional(readOnly = true)
	public Map<Long, ComponentUptime> lastDays(int days, ZoneId zone) {
		Instant now = this.clock.instant();
		LocalDate firstDay = LocalDate.ofInstant(now, zone).minusDays(days - 1L);
		Map<Long, List<StatusChange>> changes = this.history.changesSince(firstDay.atStartOfDay(zone).toInstant());
		Map<Long, ComponentUptime> uptime = new java.util.LinkedHashMap<>();
		changes.forEach((componentId, componentChanges) -> uptime.put(componentId,
				UptimeCalculator.calculate(componentId, componentChanges, firstDay, days, zone, now)));
		return uptime;
	}

	/**
	 * Records a status a component had in the past (demo data, imports).
	 */
	@Transactional
	public void recordHistoricalStatus(long componentId, ComponentStatus status, Instant at) {
		this.history.record(componentId, null, status, StatusChangeSource.MANUAL, at);
	}

}
