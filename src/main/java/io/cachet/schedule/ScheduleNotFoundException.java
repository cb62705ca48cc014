package io.cachet.schedule;

import io.cachet.shared.NotFoundException;

public class ScheduleNotFoundException extends NotFoundException {

	private ScheduleNotFoundException(String message) {
		super(message);
	}

	public static ScheduleNotFoundException forId(long id) {
		return new ScheduleNotFoundException("No schedule with id " + id);
	}

}
