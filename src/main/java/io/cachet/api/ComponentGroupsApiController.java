package io.cachet.api;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.cachet.api.ListParams.FilterType;
import io.cachet.component.ComponentGroupView;
import io.cachet.component.ComponentService;
import io.cachet.component.ComponentView;
import io.cachet.shared.PageResult;

/**
 * {@code /api/v1/components/groups}: Cachet 2.4 routes 9 to 13. Guests see public groups
 * only.
 */
@RestController
@RequestMapping("/api/v1/components/groups")
class ComponentGroupsApiController {

	static final Map<String, FilterType> SEARCHABLE = Map.of("id", FilterType.INTEGER, "name", FilterType.STRING,
			"order", FilterType.INTEGER, "collapsed", FilterType.INTEGER, "visible", FilterType.INTEGER);

	static final Set<String> SORTABLE = SEARCHABLE.keySet();

	private final ComponentService components;

	private final ApiTimes times;

	ComponentGroupsApiController(ComponentService components, ApiTimes times) {
		this.components = components;
		this.times = times;
	}

	@GetMapping
	ApiList<ComponentGroupResponse> list(HttpServletRequest request) {
		PageResult<ComponentGroupView> page = this.components
			.findGroups(ListParams.parse(request, SEARCHABLE, SORTABLE), ApiCaller.isGuest());
		List<ComponentView> members = this.components
			.findEnabledComponentsInGroups(page.items().stream().map(ComponentGroupView::id).toList());
		return ApiList.of(page.map((group) -> ComponentGroupResponse.of(group,
				members.stream().filter((c) -> c.groupId() == group.id()).toList(), this.times)), request);
	}

	@GetMapping("/{id:\\d+}")
	ApiItem<ComponentGroupResponse> get(@PathVariable long id) {
		ComponentGroupView group = this.components.getGroup(id);
		if (ApiCaller.isGuest() && !group.isPublic()) {
			throw io.cachet.component.ComponentGroupNotFoundException.forId(id);
		}
		return item(group);
	}

	@PostMapping
	ApiItem<ComponentGroupResponse> create(CreateComponentGroupRequest request) {
		return item(this.components.createGroup(request.command()));
	}

	@PutMapping("/{id:\\d+}")
	ApiItem<ComponentGroupResponse> update(@PathVariable long id, UpdateComponentGroupRequest request) {
		return item(this.components.updateGroup(id, request.command()));
	}

	@DeleteMapping("/{id:\\d+}")
	ResponseEntity<Void> delete(@PathVariable long id) {
		this.components.deleteGroup(id);
		return ResponseEntity.noContent().build();
	}

	private ApiItem<ComponentGroupResponse> item(ComponentGroupView group) {
		return new ApiItem<>(ComponentGroupResponse.of(group,
				this.components.findEnabledComponentsInGroups(List.of(group.id())), this.times));
	}

}
