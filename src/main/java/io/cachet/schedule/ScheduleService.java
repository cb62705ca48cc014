package io.cachet.schedule;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Objects;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.cachet.audit.AuditAction;
import io.cachet.audit.AuditSubject;
import io.cachet.audit.RecordChanged;
import io.cachet.schedule.internal.ScheduleRepository;
import io.cachet.shared.WriteMode;
import io.cachet.shared.InvalidInputException;
import io.cachet.shared.ListQuery;
import io.cachet.shared.PageResult;

/**
 * Scheduled maintenance.
 */
@Service
public class ScheduleService {

	private final ScheduleRepository schedules;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ScheduleService(ScheduleRepository schedules, ApplicationEventPublisher events, Clock clock) {
		this.schedules = schedules;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public PageResult<ScheduleView> findSchedules(ListQuery query) {
		return this.schedules.page(query);
	}

	/**
	 * For callers inside a transaction of their own that carry on without the schedule
	 * (see {@code IncidentService.findIncident}).
	 * @return the schedule, or empty for an unknown or deleted one
	 */
	@Transactional(readOnly = true)
	public Optional<ScheduleView> findSchedule(long id) {
		return this.schedules.findById(id);
	}

	/**
	 * @throws ScheduleNotFoundException for an unknown or deleted schedule
	 */
	@Transactional(readOnly = true)
	public ScheduleView getSchedule(long id) {
		return this.schedules.findById(id).orElseThrow(() -> ScheduleNotFoundException.forId(id));
	}

	/**
	 * @return maintenance upcoming or in progress (not completed, and not past its
	 * planned end), soonest first
	 */
	@Transactional(readOnly = true)
	public List<ScheduleView> findUncompleted() {
		return this.schedules.findUncompleted(this.clock.instant());
	}

	/**
	 * @return whether any maintenance is in progress now (started, and neither completed
	 * nor past its planned end)
	 */
	@Transactional(readOnly = true)
	public boolean isMaintenanceInProgress() {
		Instant now = this.clock.instant();
		return findUncompleted().stream().anyMatch((schedule) -> !schedule.scheduledAt().isAfter(now));
	}

	/**
	 * @return windows (not deleted) whose start or planned end falls in
	 * {@code (from, to]}
	 */
	@Transactional(readOnly = true)
	public List<ScheduleView> findStartingOrEndingBetween(Instant from, Instant to) {
		return this.schedules.findStartingOrEndingBetween(from, to);
	}

	/**
	 * @return the ids of components whose maintenance is in progress now
	 */
	@Transactional(readOnly = true)
	public List<Long> findComponentsUnderMaintenance() {
		return this.schedules.findComponentsUnderMaintenance(this.clock.instant());
	}

	/**
	 * @throws InvalidInputException when it would complete before it starts
	 */
	@Transactional
	public ScheduleView createSchedule(SaveSchedule command) {
		return createSchedule(command, false);
	}

	/**
	 * @param notify whether subscribers are told about the new window
	 * @throws InvalidInputException when it would complete before it starts
	 */
	@Transactional
	public ScheduleView createSchedule(SaveSchedule command, boolean notify) {
		return createSchedule(command, notify, WriteMode.NOTIFYING);
	}

	/**
	 * Plans a window, as {@link #createSchedule(SaveSchedule, boolean)} does.
	 * @param mode {@link WriteMode#SILENT} for one that must reach nobody (an import)
	 * @throws InvalidInputException when it would complete before it starts
	 */
	@Transactional
	public ScheduleView createSchedule(SaveSchedule command, boolean notify, WriteMode mode) {
		Instant now = now();
		String name = Objects.requireNonNull(command.name());
		Instant scheduledAt = Objects.requireNonNull(command.scheduledAt());
		checkOrder(scheduledAt, command.completedAt());
		long id = this.schedules.insert(name, command.message(), Objects.requireNonNull(command.status()), scheduledAt,
				command.completedAt(), now);
		this.schedules.replaceComponents(id, Objects.requireNonNullElse(command.components(), Map.of()), now);
		this.events.publishEvent(RecordChanged.named(AuditSubject.SCHEDULE, id, AuditAction.CREATED, name));
		this.events.publishEvent(new MaintenanceScheduled(id, notify, mode.silent()));
		return getSchedule(id);
	}

	/**
	 * @throws ScheduleNotFoundException for an unknown or deleted schedule
	 * @throws InvalidInputException when it would complete before it starts
	 */
	@Transactional
	public ScheduleView updateSchedule(long id, SaveSchedule command) {
		ScheduleView current = getSchedule(id);
		Instant now = now();
		ScheduleView changed = new ScheduleView(id, Objects.requireNonNullElse(command.name(), current.name()),
				(command.message() != null) ? command.message() : current.message(),
				Objects.requireNonNullElse(command.status(), current.status()),
				Objects.requireNonNullElse(command.scheduledAt(), current.scheduledAt()),
				(command.completedAt() != null) ? command.completedAt() : current.completedAt(), current.createdAt(),
				now, null, current.components());
		checkOrder(changed.scheduledAt(), changed.completedAt());
		this.schedules.update(changed);
		if (command.components() != null) {
			this.schedules.replaceComponents(id, command.components(), now);
		}
		this.events.publishEvent(RecordChanged.named(AuditSubject.SCHEDULE, id, AuditAction.UPDATED, changed.name()));
		if (changed.status() != current.status()) {
			this.events.publishEvent(new MaintenanceStatusChanged(id, current.status(), changed.status()));
		}
		return getSchedule(id);
	}

	/**
	 * Deletes a schedule (softly).
	 * @throws ScheduleNotFoundException for an unknown or deleted schedule
	 */
	@Transactional
	public void deleteSchedule(long id) {
		ScheduleView current = getSchedule(id);
		this.schedules.softDelete(id, now());
		this.events.publishEvent(RecordChanged.named(AuditSubject.SCHEDULE, id, AuditAction.DELETED, current.name()));
	}

	private static void checkOrder(Instant scheduledAt,
			java.time.@org.jspecify.annotations.Nullable Instant completedAt) {
		if (completedAt != null && completedAt.isBefore(scheduledAt)) {
			throw new InvalidInputException("The completed at must be a date after scheduled at.");
		}
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
