package io.cachet.api;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import io.cachet.component.ComponentNotFoundException;
import io.cachet.component.ComponentService;
import io.cachet.component.ComponentStatus;
import io.cachet.component.ComponentUptimeService;
import io.cachet.component.ComponentView;
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
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;

@ApiSliceTest(ComponentsApiController.class)
class ComponentsApiControllerTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	SettingsService settings;

	@Autowired
	UserService users;

	@MockitoBean
	ComponentService components;

	@MockitoBean
	ComponentUptimeService uptime;

	@BeforeEach
	void setUp() {
		ApiSlices.inUtc(this.settings);
		given(this.components.findComponents(any(), anyList(), anyBoolean())).willReturn(page(List.of(), 0, 1, 20));
	}

	@Test
	void listIsCachetsEnvelopeWithPagination() {
		given(this.components.findComponents(any(), anyList(), anyBoolean())).willReturn(
				page(List.of(component(1, "API", Map.of()), component(2, "Web", Map.of("core", "Core"))), 42, 2, 20));

		var response = this.mvc.get().uri("/api/v1/components?page=2&name=x").exchange();

		assertThat(response).hasStatusOk().hasContentTypeCompatibleWith("application/json");
		assertThat(response).bodyJson()
			.extractingPath("$.meta.pagination")
			.isEqualTo(Map.of("total", 42, "count", 2, "per_page", 20, "current_page", 2, "total_pages", 3, "links",
					Map.of("next_page", "http://localhost/api/v1/components?name=x&page=3", "previous_page",
							"http://localhost/api/v1/components?name=x&page=1")));
		Map<String, Object> first = new java.util.LinkedHashMap<>();
		first.put("id", 1);
		first.put("name", "API");
		first.put("description", "About API");
		first.put("link", "");
		first.put("status", 1);
		first.put("order", 0);
		first.put("group_id", 0);
		first.put("enabled", true);
		first.put("meta", null);
		first.put("created_at", "2026-12-01 10:00:00");
		first.put("updated_at", "2026-12-01 10:00:00");
		first.put("deleted_at", null);
		first.put("status_name", "Operational");
		first.put("tags", List.of());
		assertThat(response).bodyJson().extractingPath("$.data[0]").isEqualTo(first);
		assertThat(response).bodyJson().extractingPath("$.data[1].tags").isEqualTo(Map.of("core", "Core"));
	}

	@Test
	void timesAreInTheZoneOfTheTimeZoneHeader() {
		given(this.components.getComponent(1)).willReturn(component(1, "API", Map.of()));

		assertThat(this.mvc.get().uri("/api/v1/components/1").header("Time-Zone", "Europe/Berlin")).bodyJson()
			.extractingPath("$.data.created_at")
			.isEqualTo("2026-12-01 11:00:00");
	}

	@Test
	void listParametersBecomeTheQuery() {
		assertThat(this.mvc.get()
			.uri("/api/v1/components?sort=name&order=desc&per_page=5000&status=2&enabled=1&group_id=x&order=asc"
					+ "&bogus=1&tags[]=core&tags[]=edge"))
			.hasStatusOk();

		ArgumentCaptor<ListQuery> query = ArgumentCaptor.forClass(ListQuery.class);
		then(this.components).should().findComponents(query.capture(), eq(List.of("core", "edge")), eq(true));
		assertThat(query.getValue()).isEqualTo(new ListQuery(
				Map.of("status", 2L, "enabled", true, "group_id", Long.MIN_VALUE), "name", true, 1, 1000));
	}

	@Test
	void unknownSortFieldAndBadPageNumbersFallBackToTheDefaults() {
		assertThat(this.mvc.get().uri("/api/v1/components?sort=password&page=-3&per_page=abc")).hasStatusOk();

		ArgumentCaptor<ListQuery> query = ArgumentCaptor.forClass(ListQuery.class);
		then(this.components).should().findComponents(query.capture(), eq(List.of()), eq(true));
		assertThat(query.getValue()).isEqualTo(new ListQuery(Map.of(), null, false, 1, 20));
	}

	@Test
	void aValidTokenSeesWhatGuestsDoNotAndAnUnknownOneIsAGuest() {
		ApiSlices.signedIn(this.users, UserLevel.USER);

		assertThat(this.mvc.get().uri("/api/v1/components").header("X-Cachet-Token", TOKEN)).hasStatusOk();
		then(this.components).should().findComponents(any(), anyList(), eq(false));

		assertThat(this.mvc.get().uri("/api/v1/components").header("X-Cachet-Token", "wrong")).hasStatusOk();
		then(this.components).should().findComponents(any(), anyList(), eq(true));
	}

	@Test
	void aMissingComponentIsA404InCachetsEnvelope() {
		given(this.components.getComponent(999)).willThrow(ComponentNotFoundException.forId(999));

		var response = this.mvc.get().uri("/api/v1/components/999").exchange();

		assertThat(response).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(response).bodyJson().extractingPath("$.errors[0].status").isEqualTo(404);
		assertThat(response).bodyJson().extractingPath("$.errors[0].title").isEqualTo("Not Found");
		assertThat(response).bodyJson()
			.extractingPath("$.errors[0].detail")
			.isEqualTo("The requested resource could not be found but may be available again in the future.");
		assertThat(response).bodyJson().extractingPath("$.errors[0].id").asString().hasSize(36);
	}

	@Test
	void uptimeDaysMustBeAWholeNumberInRange() {
		var notANumber = this.mvc.get().uri("/api/v1/components/1/uptime?days=many").exchange();
		assertThat(notANumber).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(notANumber).bodyJson()
			.extractingPath("$.errors[0].meta.details")
			.isEqualTo(List.of("The days must be an integer."));

		assertThat(this.mvc.get().uri("/api/v1/components/1/uptime?days=0")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].meta.details[0]")
			.asString()
			.startsWith("The days must be between 1 and ");
		then(this.uptime).shouldHaveNoInteractions();
	}

	@Test
	void deletingNeedsAToken() {
		var response = this.mvc.delete().uri("/api/v1/components/1").exchange();

		assertThat(response).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(response).bodyJson().extractingPath("$.errors[0].status").isEqualTo(401);
		then(this.components).shouldHaveNoInteractions();
	}

	@Test
	void deletesWithAToken() {
		ApiSlices.signedIn(this.users, UserLevel.USER);

		assertThat(this.mvc.delete().uri("/api/v1/components/1").header("X-Cachet-Token", TOKEN))
			.hasStatus(HttpStatus.NO_CONTENT);
		then(this.components).should().deleteComponent(1);
	}

	static ComponentView component(long id, String name, Map<String, String> tags) {
		return new ComponentView(id, name, "About " + name, "", ComponentStatus.OPERATIONAL, 0, 0, true, null, tags,
				NOW, NOW, null);
	}

}
