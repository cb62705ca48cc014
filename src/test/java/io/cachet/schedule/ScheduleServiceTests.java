package io.cachet.schedule;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.springframework.context.ApplicationEventPublisher;

import io.cachet.audit.AuditAction;
import io.cachet.audit.AuditSubject;
import io.cachet.audit.RecordChanged;
import io.cachet.schedule.internal.ScheduleRepository;
import io.cachet.shared.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.isA;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

/**
 * The maintenance rules without a database: when maintenance is in progress, the order of
 * its times, and which events a change publishes.
 */
class ScheduleServiceTests {

	static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

	final ScheduleRepository repository = mock(ScheduleRepository.class);

	final ApplicationEventPublisher events = mock(ApplicationEventPublisher.class);

	final ScheduleService service = new ScheduleService(this.repository, this.events, Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void maintenanceIsInProgressFromItsStartUntilItIsCompleted() {
		given(this.repository.findUncompleted(NOW)).willReturn(List.of(schedule(1, NOW.plusSeconds(60))));
		assertThat(this.service.isMaintenanceInProgress()).isFalse();

		given(this.repository.findUncompleted(NOW))
			.willReturn(List.of(schedule(1, NOW.plusSeconds(60)), schedule(2, NOW)));
		assertThat(this.service.isMaintenanceInProgress()).isTrue();

		given(this.repository.findUncompleted(NOW)).willReturn(List.of());
		assertThat(this.service.isMaintenanceInProgress()).isFalse();
	}

	@Test
	void theEndCannotComeBeforeTheStart() {
		SaveSchedule backwards = new SaveSchedule("Upgrade", null, ScheduleStatus.UPCOMING, NOW, NOW.minusSeconds(1),
				Map.of());

		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.service.createSchedule(backwards, false))
			.withMessage("The completed at must be a date after scheduled at.");
		then(this.repository).should(never()).insert(any(), any(), any(), any(), any(), any());
	}

	@Test
	void anUpdateIsCheckedAgainstTheTimesItKeeps() {
		given(this.repository.findById(1)).willReturn(Optional.of(schedule(1, NOW)));

		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> this.service.updateSchedule(1,
				new SaveSchedule(null, null, null, null, NOW.minusSeconds(60), null)));
		then(this.repository).should(never()).update(any());
	}

	@Test
	void aCreatedScheduleIsAnnouncedWithTheNotifyChoice() {
		given(this.repository.insert(any(), any(), any(), any(), any(), any())).willReturn(7L);
		given(this.repository.findById(7)).willReturn(Optional.of(schedule(7, NOW)));

		this.service.createSchedule(new SaveSchedule("Upgrade", null, ScheduleStatus.UPCOMING, NOW, null, null), true);

		then(this.repository).should().replaceComponents(7, Map.of(), NOW);
		then(this.events).should()
			.publishEvent(RecordChanged.named(AuditSubject.SCHEDULE, 7, AuditAction.CREATED, "Upgrade"));
		then(this.events).should().publishEvent(new MaintenanceScheduled(7, true, false));
	}

	@Test
	void onlyAChangedStatusIsAStatusChange() {
		given(this.repository.findById(1)).willReturn(Optional.of(schedule(1, NOW)));

		this.service.updateSchedule(1, new SaveSchedule("Renamed", null, null, null, null, null));
		then(this.events).should(never()).publishEvent(isA(MaintenanceStatusChanged.class));
		then(this.repository).should(never()).replaceComponents(anyLong(), any(), any());

		this.service.updateSchedule(1, new SaveSchedule(null, null, ScheduleStatus.IN_PROGRESS, null, null, null));
		then(this.events).should()
			.publishEvent(new MaintenanceStatusChanged(1, ScheduleStatus.UPCOMING, ScheduleStatus.IN_PROGRESS));
	}

	static ScheduleView schedule(long id, Instant scheduledAt) {
		return new ScheduleView(id, "Upgrade", null, ScheduleStatus.UPCOMING, scheduledAt, null, NOW, NOW, null,
				List.of());
	}

}
