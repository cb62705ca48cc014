package io.cachet.component;

import io.cachet.shared.NotFoundException;

public class ComponentGroupNotFoundException extends NotFoundException {

	private ComponentGroupNotFoundException(String message) {
		super(message);
	}

	public static ComponentGroupNotFoundException forId(long id) {
		return new ComponentGroupNotFoundException("No component group with id " + id);
	}

}
