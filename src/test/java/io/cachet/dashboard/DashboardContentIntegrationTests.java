package io.cachet.dashboard;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cachet.DashboardTest;
import io.cachet.TestUsers;
import io.cachet.component.ComponentGroupView;
import io.cachet.component.ComponentService;
import io.cachet.component.ComponentStatus;
import io.cachet.component.ComponentView;
import io.cachet.incident.IncidentService;
import io.cachet.incident.IncidentTemplateService;
import io.cachet.incident.IncidentStatus;
import io.cachet.incident.IncidentView;
import io.cachet.shared.ListQuery;
import io.cachet.user.UserService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Managing components, groups and incidents through the dashboard's forms: validation
 * errors re-show the form with the input, nothing half-saved.
 */
@DashboardTest
class DashboardContentIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	UserService users;

	@Autowired
	ComponentService components;

	@Autowired
	IncidentService incidents;

	@Autowired
	IncidentTemplateService templates;

	@Autowired
	LoginThrottle throttle;

	FormClient browser;

	@BeforeEach
	void logIn() {
		String username = "editor" + System.nanoTime();
		this.users.createUser(TestUsers.user(username));
		this.throttle.clear();
		this.browser = FormClient.loggedIn(this.port, username, "correct horse battery");
	}

	@Test
	void componentsAreCreatedEditedOrderedAndDeleted() {
		this.browser.get("/dashboard/components/create");
		Map<String, String> form = new HashMap<>(Map.of("name", "Checkout", "status", "1", "groupId", "0", "link",
				"javascript:alert(1)", "order", "0", "enabled", "true", "tags", "payments, core"));
		var invalid = this.browser.post("/dashboard/components", form);
		assertThat(invalid.statusCode()).isEqualTo(200);
		assertThat(invalid.body()).contains("must be an http:// or https:// address").contains("value=\"Checkout\"");
		assertThat(named("Checkout")).isEmpty();

		this.browser.get("/dashboard/components/groups/create");
		this.browser.post("/dashboard/components/groups",
				Map.of("name", "Shop", "order", "0", "collapsed", "2", "visible", "1"));
		long group = this.components.findGroups(ListQuery.all(), false)
			.items()
			.stream()
			.filter((g) -> g.name().equals("Shop"))
			.mapToLong(ComponentGroupView::id)
			.findFirst()
			.orElseThrow();

		form.put("link", "https://shop.example.com");
		form.put("groupId", String.valueOf(group));
		this.browser.get("/dashboard/components/create");
		var created = this.browser.post("/dashboard/components", form);
		assertThat(FormClient.location(created)).endsWith("/dashboard/components");
		ComponentView checkout = named("Checkout").orElseThrow();
		assertThat(checkout.groupId()).isEqualTo(group);
		assertThat(checkout.tags()).containsValues("payments", "core");

		this.browser.get("/dashboard/components/" + checkout.id() + "/edit");
		form.put("name", "Checkout v2");
		form.put("status", "2");
		this.browser.post("/dashboard/components/" + checkout.id(), form);
		assertThat(this.components.getComponent(checkout.id()).name()).isEqualTo("Checkout v2");
		assertThat(this.components.getComponent(checkout.id()).status()).isEqualTo(ComponentStatus.PERFORMANCE_ISSUES);

		long other = this.components
			.createComponent(new io.cachet.component.CreateComponent("Other", "", "", ComponentStatus.OPERATIONAL, 0, 0,
					true, null, List.of()))
			.id();
		this.browser.get("/dashboard/components");
		this.browser.post("/dashboard/components/order?ids=" + other + "&ids=" + checkout.id(), Map.of());
		assertThat(this.components.getComponent(other).order()).isZero();
		assertThat(this.components.getComponent(checkout.id()).order()).isEqualTo(1);

		this.browser.post("/dashboard/components/" + checkout.id() + "/delete", Map.of());
		assertThat(this.components.findComponent(checkout.id())).isEmpty();
		assertThat(this.browser.get("/dashboard/components/" + checkout.id() + "/edit").statusCode()).isEqualTo(404);
	}

	@Test
	void theQuickStatusSwitchShowsAnUnknownComponentAsUnknown() {
		long unknown = this.components
			.createComponent(new io.cachet.component.CreateComponent("Not checked yet " + System.nanoTime(), "", "",
					ComponentStatus.UNKNOWN, 0, 0, true, null, List.of()))
			.id();
		var page = org.jsoup.Jsoup.parse(this.browser.get("/dashboard").body());
		// before, the browser showed the first option, "Operational", and saved it
		assertThat(page.select("#status-" + unknown + " option[selected]").eachAttr("value")).containsExactly("0");
	}

	@Test
	void theOverviewLinksOpenIncidentsToTheirDashboardPageHiddenOnesToo() {
		long hidden = this.incidents
			.createIncident(new io.cachet.incident.CreateIncident("Staff only " + System.nanoTime(),
					IncidentStatus.INVESTIGATING, "Not public", 0, null, null, Map.of(), false, false, false, null,
					null, List.of(), null))
			.id();
		// the public page has no hidden incident: a link there was a 404
		assertThat(this.browser.get("/dashboard").body()).contains("href=\"/dashboard/incidents/" + hidden + "\"")
			.doesNotContain("href=\"/incidents/" + hidden + "\"");
		assertThat(this.browser.get("/dashboard/incidents/" + hidden).statusCode()).isEqualTo(200);
	}

	@Test
	void incidentsAreReportedUpdatedAndResolved() {
		long api = this.components
			.createComponent(new io.cachet.component.CreateComponent("Incident API", "", "",
					ComponentStatus.OPERATIONAL, 0, 0, true, null, List.of()))
			.id();
		this.browser.get("/dashboard/incidents/create");
		Map<String, String> form = new HashMap<>(Map.of("name", "", "message", "Down", "status", "1", "visible", "true",
				"occurredAt", "", "component-" + api, "4"));
		var invalid = this.browser.post("/dashboard/incidents", form);
		assertThat(invalid.statusCode()).isEqualTo(200);
		assertThat(invalid.body()).contains("field-error");
		assertThat(this.components.getComponent(api).status()).isEqualTo(ComponentStatus.OPERATIONAL);

		form.put("name", "API unreachable");
		var created = this.browser.post("/dashboard/incidents", form);
		String location = FormClient.location(created);
		assertThat(location).matches(".*/dashboard/incidents/\\d+");
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		IncidentView incident = this.incidents.getIncident(id, false);
		assertThat(incident.components()).extracting((c) -> c.componentId()).containsExactly(api);
		assertThat(this.components.getComponent(api).status()).isEqualTo(ComponentStatus.MAJOR_OUTAGE);

		this.browser.get("/dashboard/incidents/" + id);
		this.browser.post("/dashboard/incidents/" + id + "/updates", Map.of("status", "2", "message", "Found it"));
		long update = this.incidents.getIncident(id, false).updates().get(0).id();
		this.browser.post("/dashboard/incidents/" + id + "/updates/" + update,
				Map.of("status", "2", "message", "Found the cause"));
		assertThat(this.incidents.getIncident(id, false).updates().get(0).message()).isEqualTo("Found the cause");
		this.browser.post("/dashboard/incidents/" + id + "/updates", Map.of("status", "4", "message", "Fixed"));
		assertThat(this.incidents.getIncident(id, false).latestStatus()).isEqualTo(IncidentStatus.FIXED);
		assertThat(this.browser.get("/dashboard/incidents/" + id).body()).contains("Found the cause");

		this.browser.post("/dashboard/incidents/" + id + "/updates/" + update + "/delete", Map.of());
		assertThat(this.incidents.getIncident(id, false).updates()).hasSize(1);
		this.browser.post("/dashboard/incidents/" + id + "/delete", Map.of());
		assertThat(this.browser.get("/dashboard/incidents/" + id).statusCode()).isEqualTo(404);
	}

	@Test
	void incidentMessageFromATemplateWithVariables() {
		this.templates.createTemplate("Planned", "planned-" + System.nanoTime(),
				"{{ incident.name }}: back at {{ eta }}.");
		String slug = this.templates.findTemplates(ListQuery.all())
			.items()
			.stream()
			.filter((t) -> t.name().equals("Planned"))
			.reduce((first, second) -> second)
			.orElseThrow()
			.slug();
		this.browser.get("/dashboard/incidents/create");
		var created = this.browser.post("/dashboard/incidents", Map.of("name", "Database move", "message", "", "status",
				"1", "visible", "true", "template", slug, "variables", "eta=14:00"));
		String location = FormClient.location(created);
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		assertThat(this.incidents.getIncident(id, false).message()).isEqualTo("Database move: back at 14:00.");
	}

	private java.util.Optional<ComponentView> named(String name) {
		return this.components.findComponents(ListQuery.all(), List.of(), false)
			.items()
			.stream()
			.filter((component) -> component.name().equals(name))
			.findFirst();
	}

}
