package io.cachet.dashboard;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import io.cachet.component.ComponentService;
import io.cachet.schedule.SaveSchedule;
import io.cachet.schedule.ScheduleNotFoundException;
import io.cachet.schedule.ScheduleService;
import io.cachet.schedule.ScheduleStatus;
import io.cachet.schedule.ScheduleView;
import io.cachet.settings.SettingsService;
import io.cachet.settings.SiteSettings;
import io.cachet.shared.InvalidInputException;

import static io.cachet.dashboard.ComponentsControllerTests.NOW;
import static io.cachet.dashboard.ComponentsControllerTests.admin;
import static io.cachet.dashboard.ComponentsControllerTests.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

@DashboardSliceTest(MaintenanceController.class)
class MaintenanceControllerTests {

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	ScheduleService schedules;

	@MockitoBean
	ComponentService components;

	@MockitoBean
	SettingsService settings;

	@BeforeEach
	void setUp() {
		given(this.settings.site()).willReturn(SiteSettings.of(Map.of("app_timezone", "Europe/Berlin")));
		given(this.components.findComponents(any(), anyList(), anyBoolean())).willReturn(page(List.of()));
		given(this.schedules.findSchedules(any())).willReturn(page(List.of()));
	}

	@Test
	void listsSchedules() {
		given(this.schedules.findSchedules(any())).willReturn(page(List.of(schedule(4, "Database upgrade"))));

		assertThat(this.mvc.get().uri("/dashboard/schedule").with(admin())).hasStatusOk()
			.hasViewName("dashboard/schedules")
			.bodyText()
			.contains("Database upgrade");
	}

	@Test
	void createFormStartsTomorrowOnTheHour() {
		assertThat(this.mvc.get().uri("/dashboard/schedule/create").with(admin())).hasStatusOk()
			.hasViewName("dashboard/schedule-form")
			.model()
			.containsEntry("scheduleId", null)
			.containsEntry("timezone", "Europe/Berlin")
			.containsKey("form");
	}

	@Test
	void rejectsScheduleWithoutNameOrStartTime() {
		assertThat(this.mvc.post()
			.uri("/dashboard/schedule")
			.param("name", "")
			.param("status", "0")
			.param("scheduledAt", "")
			.param("completedAt", "next week")
			.param("component-3", "1")
			.with(admin())
			.with(csrf())).hasStatusOk()
			.hasViewName("dashboard/schedule-form")
			.model()
			.containsEntry("chosen", Map.of(3L, 1))
			.extractingBindingResult("form")
			.hasFieldErrors("name", "scheduledAt", "completedAt");
		then(this.schedules).should(never()).createSchedule(any(), anyBoolean());
	}

	@Test
	void ruleBrokenInTheServiceComesBackAsAFormError() {
		given(this.schedules.createSchedule(any(), anyBoolean()))
			.willThrow(new InvalidInputException("The end must be after the start."));

		assertThat(this.mvc.post()
			.uri("/dashboard/schedule")
			.param("name", "Upgrade")
			.param("status", "0")
			.param("scheduledAt", "2026-12-02T10:00")
			.param("completedAt", "2026-12-02T09:00")
			.with(admin())
			.with(csrf())).hasStatusOk()
			.hasViewName("dashboard/schedule-form")
			.bodyText()
			.contains("The end must be after the start.");
	}

	@Test
	void schedulesMaintenanceInThePageZoneAndNotifiesWhenAsked() {
		given(this.schedules.createSchedule(any(), anyBoolean())).willReturn(schedule(4, "Upgrade"));

		assertThat(this.mvc.post()
			.uri("/dashboard/schedule")
			.param("name", " Upgrade ")
			.param("status", "1")
			.param("scheduledAt", "2026-12-02T10:00")
			.param("component-3", "1")
			.param("component-4", "0")
			.param("notify", "true")
			.with(admin())
			.with(csrf())).hasStatus(HttpStatus.FOUND)
			.hasRedirectedUrl("/dashboard/schedule")
			.flash()
			.containsEntry("message", "Maintenance Upgrade scheduled.");
		ArgumentCaptor<SaveSchedule> command = ArgumentCaptor.forClass(SaveSchedule.class);
		then(this.schedules).should().createSchedule(command.capture(), eq(true));
		assertThat(command.getValue().name()).isEqualTo("Upgrade");
		assertThat(command.getValue().status()).isEqualTo(ScheduleStatus.IN_PROGRESS);
		assertThat(command.getValue().scheduledAt()).isEqualTo(Instant.parse("2026-12-02T09:00:00Z"));
		assertThat(command.getValue().completedAt()).isNull();
		assertThat(command.getValue().components()).isEqualTo(Map.of(3L, 1));
	}

	@Test
	void editShowsTimesInThePageZone() {
		given(this.schedules.getSchedule(4)).willReturn(schedule(4, "Upgrade"));

		assertThat(this.mvc.get().uri("/dashboard/schedule/4").with(admin())).hasStatusOk()
			.hasViewName("dashboard/schedule-form")
			.model()
			.containsEntry("scheduleId", 4L)
			.extractingByKey("form")
			.hasFieldOrPropertyWithValue("scheduledAt", "2026-12-01T11:00");
	}

	@Test
	void aMissingScheduleIsTheNotFoundPage() {
		given(this.schedules.getSchedule(404)).willThrow(ScheduleNotFoundException.forId(404));

		assertThat(this.mvc.get().uri("/dashboard/schedule/404").with(admin())).hasStatus(HttpStatus.NOT_FOUND)
			.hasViewName("dashboard/not-found");
		assertThat(this.mvc.post().uri("/dashboard/schedule/404").param("name", "").with(admin()).with(csrf()))
			.hasStatus(HttpStatus.NOT_FOUND)
			.hasViewName("dashboard/not-found");
		then(this.schedules).should(never()).updateSchedule(anyLong(), any());
	}

	@Test
	void savesAndDeletesWithMessages() {
		given(this.schedules.getSchedule(4)).willReturn(schedule(4, "Upgrade"));

		assertThat(this.mvc.post()
			.uri("/dashboard/schedule/4")
			.param("name", "Upgrade")
			.param("status", "2")
			.param("scheduledAt", "2026-12-02T10:00")
			.param("completedAt", "2026-12-02T11:00")
			.with(admin())
			.with(csrf())).hasRedirectedUrl("/dashboard/schedule")
			.flash()
			.containsEntry("message", "Maintenance saved.");
		assertThat(this.mvc.post().uri("/dashboard/schedule/4/delete").with(admin()).with(csrf()))
			.hasRedirectedUrl("/dashboard/schedule")
			.flash()
			.containsEntry("message", "Maintenance deleted.");
		then(this.schedules).should().deleteSchedule(4);
	}

	static ScheduleView schedule(long id, String name) {
		return new ScheduleView(id, name, "Planned", ScheduleStatus.UPCOMING, NOW, null, NOW, NOW, null, List.of());
	}

}
