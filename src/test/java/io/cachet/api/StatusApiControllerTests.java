package io.cachet.api;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.json.JsonPathValueAssert;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import io.cachet.component.ComponentService;
import io.cachet.component.ComponentStatus;
import io.cachet.component.ComponentView;
import io.cachet.incident.IncidentService;
import io.cachet.settings.SettingsService;
import io.cachet.settings.SiteSettings;
import io.cachet.shared.ListQuery;
import io.cachet.user.UserLevel;
import io.cachet.user.UserService;

import static io.cachet.api.ApiSlices.NOW;
import static io.cachet.api.ApiSlices.TOKEN;
import static io.cachet.api.ApiSlices.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;

/**
 * {@code GET /api/v1/status}: the banner from the statuses of the enabled components the
 * caller may see, the {@code major_outage_rate} setting and the unresolved incidents (the
 * rules themselves: {@code OverallStatusTests}).
 */
@ApiSliceTest(StatusApiController.class)
class StatusApiControllerTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	SettingsService settings;

	@Autowired
	UserService users;

	@MockitoBean
	ComponentService components;

	@MockitoBean
	IncidentService incidents;

	@BeforeEach
	void setUp() {
		ApiSlices.inUtc(this.settings);
		ApiSlices.signedIn(this.users, UserLevel.ADMIN);
	}

	@Test
	void operationalWithNothingWrong() {
		visible(true, ComponentStatus.OPERATIONAL, ComponentStatus.OPERATIONAL);

		var response = this.mvc.get().uri("/api/v1/status").exchange();

		assertThat(response).hasStatusOk();
		assertThat(response.getResponse().getHeader("Cache-Control")).contains("max-age=30").contains("public");
		assertThat(response).bodyJson().extractingPath("$.data.status").isEqualTo("success");
		assertThat(response).bodyJson().extractingPath("$.data.message").isEqualTo("All systems are operational");
	}

	@Test
	void countsOnlyEnabledComponents() {
		visible(true, ComponentStatus.OPERATIONAL);

		assertThat(this.mvc.get().uri("/api/v1/status")).hasStatusOk();
		then(this.components).should()
			.findComponents(eq(new ListQuery(Map.of("enabled", true), null, false, 1, Integer.MAX_VALUE)),
					eq(List.of()), eq(true));
	}

	@Test
	void unresolvedIncidentTurnsItToInfoUntilFixed() {
		visible(true, ComponentStatus.OPERATIONAL);
		given(this.incidents.countUnresolved(true)).willReturn(1L);

		data("status").isEqualTo("info");

		given(this.incidents.countUnresolved(true)).willReturn(0L);
		data("status").isEqualTo("success");
		data("message").isEqualTo("System operational");
	}

	@Test
	void majorOutageFollowsTheRateSetting() {
		visible(true, ComponentStatus.MAJOR_OUTAGE, ComponentStatus.OPERATIONAL, ComponentStatus.OPERATIONAL);

		data("status").isEqualTo("info");
		given(this.settings.site()).willReturn(SiteSettings.of(Map.of("major_outage_rate", "30")));
		data("status").isEqualTo("danger");
		data("message").isEqualTo("Some systems are experiencing major issues");
	}

	@Test
	void guestsDoNotCountHiddenComponents() {
		visible(true, ComponentStatus.OPERATIONAL);
		visible(false, ComponentStatus.MAJOR_OUTAGE, ComponentStatus.OPERATIONAL);

		data("status").isEqualTo("success");
		assertThat(this.mvc.get().uri("/api/v1/status").header("X-Cachet-Token", TOKEN)).bodyJson()
			.extractingPath("$.data.status")
			.isEqualTo("danger");
	}

	private JsonPathValueAssert data(String field) {
		return assertThat(this.mvc.get().uri("/api/v1/status")).bodyJson().extractingPath("$.data." + field);
	}

	/**
	 * The enabled components a guest ({@code guest}) or a signed-in caller sees.
	 */
	private void visible(boolean guest, ComponentStatus... statuses) {
		List<ComponentView> views = java.util.Arrays.stream(statuses)
			.map((status) -> new ComponentView(1, "C", "", "", status, 0, 0, true, null, Map.of(), NOW, NOW, null))
			.toList();
		given(this.components.findComponents(any(), anyList(), eq(guest)))
			.willReturn(page(views, views.size(), 1, Integer.MAX_VALUE));
	}

}
