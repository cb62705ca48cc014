package io.cachet.monitor;

import io.cachet.shared.NotFoundException;

public class MonitorNotFoundException extends NotFoundException {

	MonitorNotFoundException(String message) {
		super(message);
	}

	static MonitorNotFoundException forId(long id) {
		return new MonitorNotFoundException("No monitor with id " + id);
	}

}
