package io.cachet.subscriber;

import io.cachet.shared.NotFoundException;

public class SubscriberNotFoundException extends NotFoundException {

	private SubscriberNotFoundException(String message) {
		super(message);
	}

	public static SubscriberNotFoundException forId(long id) {
		return new SubscriberNotFoundException("No subscriber with id " + id);
	}

	public static SubscriberNotFoundException forSubscription(long id) {
		return new SubscriberNotFoundException("No subscription with id " + id);
	}

}
