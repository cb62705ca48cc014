package io.cachet.notification;

import io.cachet.shared.NotFoundException;

public class WebhookNotFoundException extends NotFoundException {

	WebhookNotFoundException(long id) {
		super("No webhook with id " + id);
	}

}
