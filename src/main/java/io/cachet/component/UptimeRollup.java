package io.cachet.component;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cachet.component.UptimeCalculator.DayCount;
import io.cachet.component.internal.DailyUptimeRepository;
import io.cachet.component.internal.DailyUptimeRepository.StoredDay;
import io.cachet.component.internal.StatusHistoryRepository;
import io.cachet.component.internal.StatusHistoryRepository.StatusChange;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rolls finished days of the status history up into {@code component_daily_uptime}, with
 * {@link UptimeCalculator}, so that a bar replays only today's history. A day is rolled
 * up as a whole (every component with history by its end) and only once it has been over
 * for {@link #SETTLED} (a change stamped just before midnight may commit just after);
 * days missing from the table are computed when they are first needed.
 *
 * <p>
 * Finished days never change unless the history is rewritten, so the finished days of all
 * components are kept in memory per zone and day range (a few ranges: a new day is a new
 * range) and read again only when {@link #invalidateFrom} ran here, or the table's stamp
 * (its first history row, the zone's latest roll-up) changed: another instance rolled up
 * or forgot days, or a backup was restored. A status page rebuild then reads two index
 * lookups instead of every finished day and the check for missing ones (1.1 s at 1,000
 * components and 90 days on PostgreSQL, issue 16).
 */
@Component
class UptimeRollup {

	static final Duration SETTLED = Duration.ofMinutes(2);

	private static final Logger logger = LoggerFactory.getLogger(UptimeRollup.class);

	private final StatusHistoryRepository history;

	private final DailyUptimeRepository rollups;

	private final TransactionTemplate separateTransaction;

	/** By range, the finished days of all components as stored; guarded by this. */
	private final Map<Range, Cached> cache = new LinkedHashMap<>(8, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<Range, Cached> eldest) {
			return size() > CACHED_RANGES;
		}

	};

	private static final int CACHED_RANGES = 4;

	/**
	 * Counts the {@link #invalidateFrom} calls: a cached range is good only in the
	 * generation it was read in (before and after the delete, so that a range read while
	 * it runs is never kept).
	 */
	private final AtomicLong generation = new AtomicLong();

	UptimeRollup(StatusHistoryRepository history, DailyUptimeRepository rollups,
			PlatformTransactionManager transactions) {
		this.history = history;
		this.rollups = rollups;
		this.separateTransaction = new TransactionTemplate(transactions);
		this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * @param from the first day
	 * @param to the day after the last, at most today
	 * @param componentId one component, or {@code null} for all
	 * @return by component, its finished days from {@code from} to {@code to} (a day is
	 * absent when the component had no history by its end)
	 */
	synchronized Map<Long, Map<LocalDate, DayCount>> finishedDays(LocalDate from, LocalDate to, ZoneId zone,
			Instant now, @Nullable Long componentId) {
		String zoneId = zoneId(zone);
		Range range = new Range(zoneId, from, to);
		long generation = this.generation.get();
		Stamp stamp = new Stamp(this.history.firstChangeAt(), this.rollups.lastComputedAt(zoneId));
		Cached cached = this.cache.get(range);
		if (cached != null && cached.generation() == generation && cached.stamp().equals(stamp)) {
			return (componentId == null) ? cached.days()
					: Optional.ofNullable(cached.days().get(componentId))
						.map((days) -> Map.of(componentId, days))
						.orElse(Map.of());
		}
		Set<LocalDate> missing = missingDays(from, to, zone, zoneId, stamp.firstChange());
		Map<Long, Map<LocalDate, DayCount>> days = new HashMap<>();
		for (StoredDay stored : this.rollups.find(zoneId, from, to, componentId)) {
			if (!missing.contains(stored.day())) {
				days.computeIfAbsent(stored.componentId(), (id) -> new HashMap<>())
					.put(stored.day(),
							new DayCount(stored.day(), stored.worst(), stored.majorSeconds(), stored.partialSeconds(),
									stored.degradedSeconds(), stored.knownSeconds(), stored.endStatus()));
			}
		}
		if (!missing.isEmpty()) {
			compute(missing, zone, now).forEach((id, counts) -> {
				if (componentId == null || componentId.equals(id)) {
					counts.forEach(
							(count) -> days.computeIfAbsent(id, (key) -> new HashMap<>()).put(count.date(), count));
				}
			});
		}
		else if (componentId == null) {
			// all read from the table: what the next call would read while the stamp
			// holds
			Map<Long, Map<LocalDate, DayCount>> copy = new HashMap<>();
			days.forEach((id, byDay) -> copy.put(id, Map.copyOf(byDay)));
			Cached read = new Cached(generation, stamp, Map.copyOf(copy));
			if (this.generation.get() == generation) {
				this.cache.put(range, read);
			}
			return read.days();
		}
		return days;
	}

	/**
	 * Rolls up the finished days from {@code from} to {@code to} that are not stored yet.
	 * @return the number of days rolled up
	 */
	synchronized int rollUp(LocalDate from, LocalDate to, ZoneId zone, Instant now) {
		Set<LocalDate> missing = missingDays(from, to, zone, zoneId(zone), this.history.firstChangeAt());
		if (!missing.isEmpty()) {
			compute(missing, zone, now);
		}
		return missing.size();
	}

	/**
	 * Forgets the stored days from the day of {@code at} on, in every time zone.
	 */
	void invalidateFrom(Instant at) {
		// No lock here: the caller's transaction may hold rows a roll-up waits for.
		this.generation.incrementAndGet();
		// The day of `at` in any zone starts at most 14 hours before its UTC day.
		this.rollups.deleteFrom(LocalDate.ofInstant(at, ZoneOffset.UTC).minusDays(1));
		this.generation.incrementAndGet();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			// a range read before the delete is committed still sees the old rows
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCompletion(int status) {
					UptimeRollup.this.generation.incrementAndGet();
				}

			});
		}
	}

	static String zoneId(ZoneId zone) {
		return (zone.normalized() == ZoneOffset.UTC) ? "UTC" : zone.getId();
	}

	/**
	 * Days without a roll-up are those before the first history row, which need none.
	 */
	private Set<LocalDate> missingDays(LocalDate from, LocalDate to, ZoneId zone, String zoneId,
			Optional<Instant> firstChange) {
		Set<LocalDate> missing = new TreeSet<>();
		if (firstChange.isEmpty()) {
			return missing;
		}
		LocalDate firstDay = LocalDate.ofInstant(firstChange.get(), zone);
		Set<LocalDate> stored = this.rollups.rolledUpDays(zoneId, from, to);
		for (LocalDate day = (firstDay.isAfter(from)) ? firstDay : from; day.isBefore(to); day = day.plusDays(1)) {
			if (!stored.contains(day)) {
				missing.add(day);
			}
		}
		return missing;
	}

	/**
	 * Computes the days from the first missing to the last from the history, and stores
	 * those missing that are settled.
	 * @return by component, the counts of the missing days with history
	 */
	private Map<Long, List<DayCount>> compute(Set<LocalDate> missing, ZoneId zone, Instant now) {
		LocalDate first = ((TreeSet<LocalDate>) missing).first();
		LocalDate last = ((TreeSet<LocalDate>) missing).last();
		int span = (int) (last.toEpochDay() - first.toEpochDay()) + 1;
		Instant start = first.atStartOfDay(zone).toInstant();
		Instant end = last.plusDays(1).atStartOfDay(zone).toInstant();
		Map<Long, List<StatusChange>> changes = new HashMap<>();
		this.history.statusesAt(start).forEach((id, change) -> changes.put(id, new ArrayList<>(List.of(change))));
		this.history.changesBetween(start, end, null)
			.forEach((id, list) -> changes.computeIfAbsent(id, (key) -> new ArrayList<>()).addAll(list));
		Map<Long, List<DayCount>> counts = new HashMap<>();
		List<StoredDay> rows = new ArrayList<>();
		Set<LocalDate> settled = new TreeSet<>();
		for (LocalDate day : missing) {
			if (!day.plusDays(1).atStartOfDay(zone).toInstant().plus(SETTLED).isAfter(now)) {
				settled.add(day);
			}
		}
		changes.forEach((id, list) -> {
			for (DayCount count : UptimeCalculator.countDays(list, first, span, zone, now)) {
				if (count.endStatus() != null && missing.contains(count.date())) {
					counts.computeIfAbsent(id, (key) -> new ArrayList<>()).add(count);
					if (settled.contains(count.date())) {
						rows.add(new StoredDay(id, count.date(), count.worst(), count.uptime(), count.majorSeconds(),
								count.partialSeconds(), count.degradedSeconds(), count.knownSeconds(),
								count.endStatus()));
					}
				}
			}
		});
		store(zone, settled, rows, now);
		return counts;
	}

	/** The zone's id as stored, and the days {@code [from, to)}. */
	private record Range(String zone, LocalDate from, LocalDate to) {
	}

	/** What the stored days depend on besides {@link #invalidateFrom}. */
	private record Stamp(Optional<Instant> firstChange, Optional<Instant> lastComputed) {
	}

	private record Cached(long generation, Stamp stamp, Map<Long, Map<LocalDate, DayCount>> days) {
	}

	private void store(ZoneId zone, Set<LocalDate> days, List<StoredDay> rows, Instant now) {
		if (days.isEmpty()) {
			return;
		}
		try {
			this.separateTransaction
				.executeWithoutResult((status) -> this.rollups.replace(zoneId(zone), days, rows, now));
			logger.debug("Rolled up {} day(s) of uptime in {} ({} rows)", days.size(), zone, rows.size());
		}
		catch (DataIntegrityViolationException ex) {
			// Another instance rolled the same days up at the same time: theirs are as
			// good.
			logger.debug("Uptime roll-up of {} day(s) in {} lost a race: {}", days.size(), zone, ex.getMessage());
		}
	}

}
