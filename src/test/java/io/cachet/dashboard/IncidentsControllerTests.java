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
import io.cachet.component.ComponentStatus;
import io.cachet.incident.AffectedComponent;
import io.cachet.incident.CreateIncident;
import io.cachet.incident.IncidentNotFoundException;
import io.cachet.incident.IncidentService;
import io.cachet.incident.IncidentStatus;
import io.cachet.incident.IncidentTemplateService;
import io.cachet.incident.IncidentView;
import io.cachet.settings.SettingsService;
import io.cachet.settings.SiteSettings;
import io.cachet.shared.InvalidInputException;
import io.cachet.user.UserService;

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

@DashboardSliceTest(IncidentsController.class)
class IncidentsControllerTests {

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	IncidentService incidents;

	@MockitoBean
	IncidentTemplateService templates;

	@MockitoBean
	ComponentService components;

	@MockitoBean
	SettingsService settings;

	@MockitoBean
	UserService users;

	@BeforeEach
	void setUp() {
		given(this.settings.site()).willReturn(SiteSettings.of(Map.of("app_timezone", "Europe/Berlin")));
		given(this.components.findComponents(any(), anyList(), anyBoolean())).willReturn(page(List.of()));
		given(this.templates.findTemplates(any())).willReturn(page(List.of()));
		given(this.incidents.findIncidents(any(), anyBoolean())).willReturn(page(List.of()));
	}

	@Test
	void listsIncidents() {
		given(this.incidents.findIncidents(any(), eq(false))).willReturn(page(List.of(incident(3, "Outage"))));

		assertThat(this.mvc.get().uri("/dashboard/incidents").with(admin())).hasStatusOk()
			.hasViewName("dashboard/incidents")
			.bodyText()
			.contains("Outage");
	}

	@Test
	void rejectsIncidentWithoutMessageOrTemplate() {
		assertThat(this.mvc.post()
			.uri("/dashboard/incidents")
			.param("name", "Outage")
			.param("status", "1")
			.param("message", " ")
			.param("component-5", "3")
			.with(admin())
			.with(csrf())).hasStatusOk()
			.hasViewName("dashboard/incident-form")
			.model()
			.containsEntry("chosen", Map.of(5L, 3))
			.extractingBindingResult("form")
			.hasFieldErrors("message");
		then(this.incidents).should(never()).createIncident(any());
	}

	@Test
	void rejectsIncidentWithoutNameAndWithAnUnreadableTime() {
		assertThat(this.mvc.post()
			.uri("/dashboard/incidents")
			.param("name", "")
			.param("status", "1")
			.param("message", "m")
			.param("occurredAt", "yesterday")
			.with(admin())
			.with(csrf())).hasStatusOk()
			.hasViewName("dashboard/incident-form")
			.model()
			.extractingBindingResult("form")
			.hasFieldErrors("name", "occurredAt");
	}

	@Test
	void ruleBrokenInTheServiceComesBackAsAFormError() {
		given(this.incidents.createIncident(any())).willThrow(new InvalidInputException("Unknown template: nope"));

		assertThat(this.mvc.post()
			.uri("/dashboard/incidents")
			.param("name", "Outage")
			.param("status", "1")
			.param("template", "nope")
			.with(admin())
			.with(csrf())).hasStatusOk()
			.hasViewName("dashboard/incident-form")
			.bodyText()
			.contains("Unknown template: nope");
	}

	@Test
	void reportsIncidentWithItsComponentsAndTimeInThePageZone() {
		given(this.incidents.createIncident(any())).willReturn(incident(12, "Outage"));

		assertThat(this.mvc.post()
			.uri("/dashboard/incidents")
			.param("name", " Outage ")
			.param("status", "2")
			.param("message", "Looking into it")
			.param("visible", "true")
			.param("occurredAt", "2026-12-01T11:30")
			.param("component-5", "4")
			.param("component-6", "0")
			.param("component-x", "2")
			.with(admin())
			.with(csrf())).hasStatus(HttpStatus.FOUND)
			.hasRedirectedUrl("/dashboard/incidents/12")
			.flash()
			.containsEntry("message", "Incident Outage reported.");
		ArgumentCaptor<CreateIncident> command = ArgumentCaptor.forClass(CreateIncident.class);
		then(this.incidents).should().createIncident(command.capture());
		assertThat(command.getValue().name()).isEqualTo("Outage");
		assertThat(command.getValue().status()).isEqualTo(IncidentStatus.IDENTIFIED);
		assertThat(command.getValue().visible()).isTrue();
		assertThat(command.getValue().stickied()).isFalse();
		assertThat(command.getValue().occurredAt()).isEqualTo(Instant.parse("2026-12-01T10:30:00Z"));
		assertThat(command.getValue().components())
			.containsExactly(new AffectedComponent(5, ComponentStatus.MAJOR_OUTAGE));
	}

	@Test
	void showsAnIncidentWithItsTimeline() {
		given(this.incidents.getIncident(3, false)).willReturn(incident(3, "Outage"));

		assertThat(this.mvc.get().uri("/dashboard/incidents/3").with(admin())).hasStatusOk()
			.hasViewName("dashboard/incident-form")
			.model()
			.containsEntry("incidentId", 3L)
			.containsEntry("timezone", "Europe/Berlin");
	}

	@Test
	void aMissingIncidentIsTheNotFoundPage() {
		given(this.incidents.getIncident(404, false)).willThrow(IncidentNotFoundException.forId(404));

		assertThat(this.mvc.get().uri("/dashboard/incidents/404").with(admin())).hasStatus(HttpStatus.NOT_FOUND)
			.hasViewName("dashboard/not-found");
		assertThat(this.mvc.post().uri("/dashboard/incidents/404").param("name", "x").with(admin()).with(csrf()))
			.hasStatus(HttpStatus.NOT_FOUND);
		then(this.incidents).should(never()).updateIncident(anyLong(), any());
	}

	@Test
	void updateNeedsAKnownStatusAndAMessage() {
		assertThat(this.mvc.post()
			.uri("/dashboard/incidents/3/updates")
			.param("status", "9")
			.param("message", "Fixed")
			.with(admin())
			.with(csrf())).hasRedirectedUrl("/dashboard/incidents/3")
			.flash()
			.containsEntry("error", "An update needs a status and a message.");
		assertThat(this.mvc.post()
			.uri("/dashboard/incidents/3/updates")
			.param("status", "4")
			.param("message", "  ")
			.with(admin())
			.with(csrf())).flash().containsEntry("error", "An update needs a status and a message.");
		then(this.incidents).shouldHaveNoMoreInteractions();
	}

	@Test
	void postsAnUpdate() {
		assertThat(this.mvc.post()
			.uri("/dashboard/incidents/3/updates")
			.param("status", "4")
			.param("message", "Fixed.")
			.with(admin())
			.with(csrf())).hasRedirectedUrl("/dashboard/incidents/3")
			.flash()
			.containsEntry("message", "Update posted.");
		then(this.incidents).should().reportUpdate(3, IncidentStatus.FIXED, "Fixed.", null);
	}

	@Test
	void deletesIncident() {
		assertThat(this.mvc.post().uri("/dashboard/incidents/3/delete").with(admin()).with(csrf()))
			.hasRedirectedUrl("/dashboard/incidents")
			.flash()
			.containsEntry("message", "Incident deleted.");
		then(this.incidents).should().deleteIncident(3);
	}

	static IncidentView incident(long id, String name) {
		return new IncidentView(id, null, 0, name, IncidentStatus.INVESTIGATING, true, false, true, "Looking into it",
				NOW, NOW, NOW, null, Map.of(), List.of(), List.of());
	}

}
