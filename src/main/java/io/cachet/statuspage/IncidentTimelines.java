package io.cachet.statuspage;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import io.cachet.incident.IncidentService;
import io.cachet.incident.IncidentView;
import io.cachet.statuspage.StatusPageSnapshot.Timeline;
import io.cachet.statuspage.StatusPageSnapshot.TimelineDay;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public page's incident timeline, day by day in the page's time zone, as Cachet
 * pages it: {@code app_incident_days} days per page, or only the days with incidents when
 * {@code only_disrupted_days} is on. Only incidents a guest may see are listed.
 */
@Component
class IncidentTimelines {

	private final IncidentService incidents;

	private final Clock clock;

	IncidentTimelines(IncidentService incidents, Clock clock) {
		this.incidents = incidents;
		this.clock = clock;
	}

	/**
	 * The timeline of {@code incident_days} days ending at {@code startDate} (default
	 * today), every day listed even without incidents; older days are offered only while
	 * an incident is older.
	 */
	@Transactional(readOnly = true)
	Timeline days(PageSettings page, @Nullable LocalDate startDate) {
		ZoneId zone = page.timezone();
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), zone);
		LocalDate end = (startDate == null || startDate.isAfter(today)) ? today : startDate;
		int days = Math.max(1, page.incidentDays());
		LocalDate first = end.minusDays(days - 1L);
		List<IncidentView> found = this.incidents.findOccurredBetween(first.atStartOfDay(zone).toInstant(),
				end.plusDays(1).atStartOfDay(zone).toInstant(), true);
		List<TimelineDay> timelineDays = new ArrayList<>();
		for (LocalDate day = end; !day.isBefore(first); day = day.minusDays(1)) {
			timelineDays.add(day(day, found, zone));
		}
		// Older pages only while there are older incidents, as in Cachet: an endless
		// chain of empty weeks is a trap for visitors and crawlers alike.
		String previous = this.incidents.hasOccurredBefore(first.atStartOfDay(zone).toInstant(), true)
				? end.minusDays(days).toString() : null;
		String next = end.isBefore(today) ? min(end.plusDays(days), today).toString() : null;
		return new Timeline(timelineDays, previous, next);
	}

	/**
	 * The "only disrupted days" timeline: only days with incidents, {@code incident_days}
	 * of them per page.
	 * @param pageNumber from 1, the newest days
	 */
	@Transactional(readOnly = true)
	Timeline disruptedDays(PageSettings page, int pageNumber) {
		ZoneId zone = page.timezone();
		int perPage = Math.max(1, page.incidentDays());
		TreeSet<LocalDate> allDays = new TreeSet<>(Comparator.reverseOrder());
		this.incidents.findOccurrenceTimes(true).forEach((at) -> allDays.add(LocalDate.ofInstant(at, zone)));
		List<LocalDate> days = allDays.stream().skip((long) (pageNumber - 1) * perPage).limit(perPage).toList();
		if (days.isEmpty()) {
			return new Timeline(List.of(), null, (pageNumber > 1) ? String.valueOf(pageNumber - 1) : null);
		}
		LocalDate newest = days.get(0);
		LocalDate oldest = days.get(days.size() - 1);
		List<IncidentView> found = this.incidents.findOccurredBetween(oldest.atStartOfDay(zone).toInstant(),
				newest.plusDays(1).atStartOfDay(zone).toInstant(), true);
		List<TimelineDay> timelineDays = days.stream().map((date) -> day(date, found, zone)).toList();
		boolean more = allDays.size() > pageNumber * perPage;
		return new Timeline(timelineDays, more ? String.valueOf(pageNumber + 1) : null,
				(pageNumber > 1) ? String.valueOf(pageNumber - 1) : null);
	}

	private static TimelineDay day(LocalDate date, List<IncidentView> found, ZoneId zone) {
		return new TimelineDay(date,
				found.stream()
					.filter((incident) -> LocalDate.ofInstant(incident.occurredAt(), zone).equals(date))
					.toList());
	}

	private static LocalDate min(LocalDate a, LocalDate b) {
		return a.isBefore(b) ? a : b;
	}

}
