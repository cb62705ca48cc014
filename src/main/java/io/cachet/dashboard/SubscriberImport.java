package io.cachet.dashboard;

import java.util.List;

import io.cachet.subscriber.SubscriberService;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds subscribers in bulk in one transaction: all or none.
 */
@Service
class SubscriberImport {

	private final SubscriberService subscribers;

	SubscriberImport(SubscriberService subscribers) {
		this.subscribers = subscribers;
	}

	@Transactional
	void addVerified(List<String> emails) {
		emails.forEach((email) -> this.subscribers.subscribe(email, true, null));
	}

}
