package io.cachet.component;

import io.cachet.shared.NotFoundException;

public class ComponentNotFoundException extends NotFoundException {

	private ComponentNotFoundException(String message) {
		super(message);
	}

	public static ComponentNotFoundException forId(long id) {
		return new ComponentNotFoundException("No component with id " + id);
	}

}
