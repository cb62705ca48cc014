package io.cachet.dashboard;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import io.cachet.component.ComponentGroupView;
import io.cachet.component.ComponentNotFoundException;
import io.cachet.component.ComponentService;
import io.cachet.component.ComponentStatus;
import io.cachet.component.ComponentView;
import io.cachet.component.CreateComponent;
import io.cachet.shared.PageResult;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.UserRequestPostProcessor;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

@DashboardSliceTest(ComponentsController.class)
class ComponentsControllerTests {

	static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	ComponentService components;

	@MockitoBean
	ComponentOrdering ordering;

	@BeforeEach
	void noGroups() {
		given(this.components.findGroups(any(), anyBoolean())).willReturn(page(List.of()));
		given(this.components.findComponents(any(), anyList(), anyBoolean())).willReturn(page(List.of()));
	}

	@Test
	void listsComponentsByGroupThenOrder() {
		given(this.components.findComponents(any(), anyList(), anyBoolean()))
			.willReturn(page(List.of(component(1, "Web", 2, 1), component(2, "API", 0, 1), component(3, "CDN", 1, 0))));
		given(this.components.findGroups(any(), anyBoolean())).willReturn(page(List.of(group(2, "Edge", 1))));

		assertThat(this.mvc.get().uri("/dashboard/components").with(admin())).hasStatusOk()
			.hasViewName("dashboard/components")
			.model()
			.extractingByKey("components")
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.list(ComponentView.class))
			.extracting(ComponentView::name)
			.containsExactly("API", "CDN", "Web");
	}

	@Test
	void showsAnEmptyCreateForm() {
		assertThat(this.mvc.get().uri("/dashboard/components/create").with(admin())).hasStatusOk()
			.hasViewName("dashboard/component-form")
			.model()
			.containsEntry("componentId", null)
			.containsKeys("form", "groups", "statuses");
	}

	@Test
	void rejectsComponentWithoutName() {
		assertThat(this.mvc.post()
			.uri("/dashboard/components")
			.param("name", " ")
			.param("status", "1")
			.param("groupId", "0")
			.param("order", "0")
			.param("enabled", "true")
			.with(admin())
			.with(csrf())).hasStatusOk()
			.hasViewName("dashboard/component-form")
			.model()
			.extractingBindingResult("form")
			.hasFieldErrors("name");
		then(this.components).should(never()).createComponent(any());
	}

	@Test
	void rejectsLinkThatIsNotAWebAddressAndStatusOutOfRange() {
		assertThat(this.mvc.post()
			.uri("/dashboard/components")
			.param("name", "API")
			.param("link", "javascript:alert(1)")
			.param("status", "9")
			.param("groupId", "0")
			.param("order", "0")
			.param("enabled", "true")
			.with(admin())
			.with(csrf())).hasStatusOk()
			.hasViewName("dashboard/component-form")
			.bodyText()
			.contains("must be an http:// or https:// address");
		then(this.components).should(never()).createComponent(any());
	}

	@Test
	void createsComponentAndRedirectsWithMessage() {
		given(this.components.createComponent(any())).willReturn(component(7, "API", 0, 1));

		assertThat(this.mvc.post()
			.uri("/dashboard/components")
			.param("name", "  API ")
			.param("status", "2")
			.param("groupId", "0")
			.param("order", "0")
			.param("enabled", "true")
			.param("tags", "core, , public")
			.with(admin())
			.with(csrf())).hasStatus(HttpStatus.FOUND)
			.hasRedirectedUrl("/dashboard/components")
			.flash()
			.containsEntry("message", "Component API created.");
		ArgumentCaptor<CreateComponent> command = ArgumentCaptor.forClass(CreateComponent.class);
		then(this.components).should().createComponent(command.capture());
		assertThat(command.getValue().name()).isEqualTo("API");
		assertThat(command.getValue().status()).isEqualTo(ComponentStatus.PERFORMANCE_ISSUES);
		assertThat(command.getValue().tags()).containsExactly("core", "public");
	}

	@Test
	void editFormOfAMissingComponentIsTheNotFoundPage() {
		given(this.components.getComponent(404)).willThrow(ComponentNotFoundException.forId(404));

		assertThat(this.mvc.get().uri("/dashboard/components/404/edit").with(admin())).hasStatus(HttpStatus.NOT_FOUND)
			.hasViewName("dashboard/not-found");
	}

	@Test
	void savingAMissingComponentIsTheNotFoundPageEvenWithErrors() {
		given(this.components.getComponent(404)).willThrow(ComponentNotFoundException.forId(404));

		assertThat(this.mvc.post().uri("/dashboard/components/404").param("name", "").with(admin()).with(csrf()))
			.hasStatus(HttpStatus.NOT_FOUND)
			.hasViewName("dashboard/not-found");
		then(this.components).should(never()).updateComponent(org.mockito.ArgumentMatchers.anyLong(), any());
	}

	@Test
	void savesComponentWithMessage() {
		given(this.components.getComponent(7)).willReturn(component(7, "API", 0, 1));

		assertThat(this.mvc.post()
			.uri("/dashboard/components/7")
			.param("name", "Public API")
			.param("status", "1")
			.param("groupId", "0")
			.param("order", "0")
			.param("enabled", "true")
			.with(admin())
			.with(csrf())).hasRedirectedUrl("/dashboard/components")
			.flash()
			.containsEntry("message", "Component Public API saved.");
		then(this.components).should().updateComponent(org.mockito.ArgumentMatchers.eq(7L), any());
	}

	@Test
	void deletesComponent() {
		assertThat(this.mvc.post().uri("/dashboard/components/7/delete").with(admin()).with(csrf()))
			.hasRedirectedUrl("/dashboard/components")
			.flash()
			.containsEntry("message", "Component deleted.");
		then(this.components).should().deleteComponent(7);
	}

	@Test
	void deletingAMissingComponentIsTheNotFoundPage() {
		willThrow(ComponentNotFoundException.forId(404)).given(this.components).deleteComponent(404);

		assertThat(this.mvc.post().uri("/dashboard/components/404/delete").with(admin()).with(csrf()))
			.hasStatus(HttpStatus.NOT_FOUND)
			.hasViewName("dashboard/not-found");
	}

	@Test
	void savesTheOrderOfADrag() {
		assertThat(this.mvc.post()
			.uri("/dashboard/components/order")
			.param("ids", "3", "1", "2")
			.with(admin())
			.with(csrf())).hasRedirectedUrl("/dashboard/components").flash().containsEntry("message", "Order saved.");
		then(this.ordering).should().orderComponents(List.of(3L, 1L, 2L));
	}

	@Test
	void rejectsGroupWithoutName() {
		assertThat(this.mvc.post()
			.uri("/dashboard/components/groups")
			.param("name", "")
			.param("order", "0")
			.param("collapsed", "0")
			.param("visible", "1")
			.with(admin())
			.with(csrf())).hasStatusOk()
			.hasViewName("dashboard/group-form")
			.model()
			.containsEntry("groupId", null)
			.extractingBindingResult("form")
			.hasFieldErrors("name");
		then(this.components).should(never()).createGroup(any());
	}

	@Test
	void createsGroupWithMessage() {
		assertThat(this.mvc.post()
			.uri("/dashboard/components/groups")
			.param("name", "Edge")
			.param("order", "0")
			.param("collapsed", "0")
			.param("visible", "1")
			.with(admin())
			.with(csrf())).hasRedirectedUrl("/dashboard/components")
			.flash()
			.containsEntry("message", "Group Edge created.");
	}

	@Test
	void formWithoutCsrfTokenIsRefused() {
		assertThat(this.mvc.post().uri("/dashboard/components/7/delete").with(admin())).hasStatus(HttpStatus.FORBIDDEN);
		then(this.components).should(never()).deleteComponent(7);
	}

	static UserRequestPostProcessor admin() {
		return user("admin").roles("ADMIN");
	}

	static <T> PageResult<T> page(List<T> items) {
		return new PageResult<>(items, items.size(), 1, Math.max(1, items.size()));
	}

	static ComponentView component(long id, String name, long groupId, int order) {
		return new ComponentView(id, name, "", "", ComponentStatus.OPERATIONAL, order, groupId, true, null, Map.of(),
				NOW, NOW, null);
	}

	static ComponentGroupView group(long id, String name, int order) {
		return new ComponentGroupView(id, name, order, 0, 1, NOW, NOW);
	}

}
