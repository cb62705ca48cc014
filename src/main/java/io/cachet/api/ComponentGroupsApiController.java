package io.cachet.api;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

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
import io.cachet.component.CreateComponentGroup;
import io.cachet.component.UpdateComponentGroup;
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
	ApiItem<ComponentGroupResponse> create(ApiFields fields) {
		String name = fields.requiredString("name");
		Integer order = fields.integer("order");
		Integer collapsed = fields.integer("collapsed", 0, 4);
		Integer visible = visibility(fields);
		fields.validate();
		return item(this.components.createGroup(new CreateComponentGroup(name, (order != null) ? order : 0,
				(collapsed != null) ? collapsed : 0, (visible != null) ? visible : 0)));
	}

	@PutMapping("/{id:\\d+}")
	ApiItem<ComponentGroupResponse> update(@PathVariable long id, ApiFields fields) {
		String name = fields.has("name") ? fields.requiredString("name") : null;
		Integer order = fields.integer("order");
		Integer collapsed = fields.integer("collapsed", 0, 4);
		Integer visible = visibility(fields);
		fields.validate();
		return item(this.components.updateGroup(id, new UpdateComponentGroup(name, order, collapsed, visible)));
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

	/**
	 * Cachet stores visibility as 0/1; clients send it as a number or a boolean.
	 */
	private static @Nullable Integer visibility(ApiFields fields) {
		if (fields.raw("visible") instanceof Boolean visible) {
			return visible ? 1 : 0;
		}
		return fields.integer("visible", 0, 1);
	}

}
