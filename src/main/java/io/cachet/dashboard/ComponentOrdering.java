package io.cachet.dashboard;

import java.util.List;

import io.cachet.component.ComponentService;
import io.cachet.component.UpdateComponent;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saves a new order of components in one transaction: all positions or none.
 */
@Service
class ComponentOrdering {

	private final ComponentService components;

	ComponentOrdering(ComponentService components) {
		this.components = components;
	}

	@Transactional
	void orderComponents(List<Long> ids) {
		for (int position = 0; position < ids.size(); position++) {
			this.components.updateComponent(ids.get(position), UpdateComponent.change().withOrder(position));
		}
	}

}
