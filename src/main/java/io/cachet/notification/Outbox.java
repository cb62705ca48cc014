package io.cachet.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

import io.cachet.notification.internal.OutboxRepository;

/**
 * Writes notifications to the outbox, in the transaction of the change that causes them
 * (so they exist exactly when the change does; every service that publishes the events
 * writes in a transaction), and wakes the worker once that transaction has committed.
 */
@Component
public class Outbox {

	private final OutboxRepository repository;

	private final DeliveryWorker worker;

	private final Clock clock;

	private final JsonMapper json;

	Outbox(OutboxRepository repository, DeliveryWorker worker, Clock clock, JsonMapper json) {
		this.json = json;
		this.repository = repository;
		this.worker = worker;
		this.clock = clock;
	}

	/**
	 * Writes a notification unless one with this key exists already.
	 * @param eventKey names the event uniquely, e.g. {@code incident_created:12}
	 * @return whether it was written
	 */
	@Transactional
	public boolean enqueue(NotificationKind kind, String eventKey, Map<String, Object> payload) {
		if (this.repository.exists(eventKey)) {
			return false;
		}
		this.repository.insert(eventKey, kind.eventName(), this.json.writeValueAsString(payload), now());
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					Outbox.this.worker.wake();
				}
			});
		}
		return true;
	}

	Optional<Map<String, Object>> payloadOf(String eventKey) {
		return this.repository.findPayload(eventKey).map(this::read);
	}

	@SuppressWarnings("unchecked")
	Map<String, Object> read(String payload) {
		return this.json.readValue(payload, Map.class);
	}

	/**
	 * @return the content as the outbox keeps it, fixed at fan-out
	 */
	String write(NotificationContent content) {
		return this.json.writeValueAsString(content);
	}

	NotificationContent readContent(String content) {
		return this.json.readValue(content, NotificationContent.class);
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
