package io.cachet.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import io.cachet.component.ComponentStatus;
import io.cachet.incident.AffectedComponent;
import io.cachet.incident.IncidentNotFoundException;
import io.cachet.incident.IncidentService;
import io.cachet.incident.IncidentStatus;
import io.cachet.incident.IncidentUpdateView;
import io.cachet.incident.IncidentView;
import io.cachet.settings.SettingsService;
import io.cachet.shared.ListQuery;
import io.cachet.user.UserLevel;
import io.cachet.user.UserService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static io.cachet.api.ApiSlices.NOW;
import static io.cachet.api.ApiSlices.TOKEN;
import static io.cachet.api.ApiSlices.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;

@ApiSliceTest(IncidentsApiController.class)
class IncidentsApiControllerTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	SettingsService settings;

	@Autowired
	UserService users;

	@MockitoBean
	IncidentService incidents;

	@BeforeEach
	void setUp() {
		ApiSlices.inUtc(this.settings);
		given(this.incidents.findIncidents(any(), anyBoolean())).willReturn(page(List.of(), 0, 1, 20));
	}

	@Test
	void listIsCachetsEnvelopeWithTheLatestUpdate() {
		given(this.incidents.findIncidents(any(), eq(true)))
			.willReturn(page(List.of(incident(5, List.of(update(9, IncidentStatus.FIXED, "10:45:00Z")))), 1, 1, 20));

		var response = this.mvc.get().uri("/api/v1/incidents").exchange();

		assertThat(response).hasStatusOk();
		assertThat(response).bodyJson().extractingPath("$.meta.pagination.total").isEqualTo(1);
		assertThat(response).bodyJson().extractingPath("$.meta.pagination.links.next_page").isNull();
		assertThat(response).bodyJson().extractingPath("$.data[0].name").isEqualTo("Outage");
		assertThat(response).bodyJson().extractingPath("$.data[0].status").isEqualTo(1);
		assertThat(response).bodyJson().extractingPath("$.data[0].human_status").isEqualTo("Investigating");
		assertThat(response).bodyJson().extractingPath("$.data[0].latest_update_id").isEqualTo(9);
		assertThat(response).bodyJson().extractingPath("$.data[0].latest_status").isEqualTo(4);
		assertThat(response).bodyJson().extractingPath("$.data[0].latest_human_status").isEqualTo("Fixed");
		assertThat(response).bodyJson().extractingPath("$.data[0].is_resolved").isEqualTo(true);
		assertThat(response).bodyJson().extractingPath("$.data[0].duration").isEqualTo(2700);
		assertThat(response).bodyJson().extractingPath("$.data[0].occurred_at").isEqualTo("2026-12-01 10:00:00");
		assertThat(response).bodyJson().extractingPath("$.data[0].permalink").isEqualTo("http://localhost/incidents/5");
		assertThat(response).bodyJson().extractingPath("$.data[0].components[0].id").isEqualTo(3);
	}

	@Test
	void anUnresolvedIncidentHasNoLatestUpdate() {
		given(this.incidents.getIncident(5, true)).willReturn(incident(5, List.of()));

		var response = this.mvc.get().uri("/api/v1/incidents/5").exchange();

		assertThat(response).hasStatusOk();
		assertThat(response).bodyJson().extractingPath("$.data.latest_update_id").isNull();
		assertThat(response).bodyJson().extractingPath("$.data.latest_status").isEqualTo(1);
		assertThat(response).bodyJson().extractingPath("$.data.is_resolved").isEqualTo(false);
		assertThat(response).bodyJson().extractingPath("$.data.duration").isEqualTo(0);
	}

	@Test
	void sortAndFiltersBecomeTheQuery() {
		assertThat(this.mvc.get()
			.uri("/api/v1/incidents?sort=occurred_at&order=desc&visible=0&stickied=true&status=4&per_page=5&page=3"))
			.hasStatusOk();

		ArgumentCaptor<ListQuery> query = ArgumentCaptor.forClass(ListQuery.class);
		then(this.incidents).should().findIncidents(query.capture(), eq(true));
		assertThat(query.getValue()).isEqualTo(
				new ListQuery(Map.of("visible", false, "stickied", true, "status", 4L), "occurred_at", true, 3, 5));
	}

	@Test
	void aTokenSeesHiddenIncidents() {
		ApiSlices.signedIn(this.users, UserLevel.USER);
		given(this.incidents.getIncident(5, false)).willReturn(incident(5, List.of()));

		assertThat(this.mvc.get().uri("/api/v1/incidents/5").header("X-Cachet-Token", TOKEN)).hasStatusOk();
		then(this.incidents).should().getIncident(5, false);
	}

	@Test
	void aMissingOrHiddenIncidentIsA404InCachetsEnvelope() {
		given(this.incidents.getIncident(5, true)).willThrow(IncidentNotFoundException.forId(5));

		assertThat(this.mvc.get().uri("/api/v1/incidents/5")).hasStatus(HttpStatus.NOT_FOUND)
			.bodyJson()
			.extractingPath("$.errors[0].title")
			.isEqualTo("Not Found");
	}

	static IncidentView incident(long id, List<IncidentUpdateView> updates) {
		return new IncidentView(id, null, 0, "Outage", IncidentStatus.INVESTIGATING, true, false, true, "Looking", NOW,
				NOW, NOW, null, Map.of(), updates, List.of(new AffectedComponent(3, ComponentStatus.PARTIAL_OUTAGE)));
	}

	static IncidentUpdateView update(long id, IncidentStatus status, String time) {
		Instant at = Instant.parse("2026-12-01T" + time);
		return new IncidentUpdateView(id, 5, status, "Fixed.", null, at, at);
	}

}
