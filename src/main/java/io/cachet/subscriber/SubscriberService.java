package io.cachet.subscriber;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.cachet.audit.AuditAction;
import io.cachet.audit.AuditSubject;
import io.cachet.audit.RecordChanged;
import io.cachet.component.ComponentService;
import io.cachet.shared.WriteMode;
import io.cachet.shared.InvalidInputException;
import io.cachet.shared.ListQuery;
import io.cachet.shared.PageResult;
import io.cachet.subscriber.internal.SubscriberRepository;

/**
 * Subscribers and their subscriptions.
 */
@Service
public class SubscriberService {

	private static final char[] CODE_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
		.toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SubscriberRepository subscribers;

	private final ComponentService components;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SubscriberService(SubscriberRepository subscribers, ComponentService components, ApplicationEventPublisher events,
			Clock clock) {
		this.subscribers = subscribers;
		this.components = components;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public PageResult<SubscriberView> findSubscribers(ListQuery query) {
		return this.subscribers.page(query);
	}

	/**
	 * @throws SubscriberNotFoundException for an unknown subscriber
	 */
	@Transactional(readOnly = true)
	public SubscriberView getSubscriber(long id) {
		return this.subscribers.findById(id).orElseThrow(() -> SubscriberNotFoundException.forId(id));
	}

	/**
	 * Subscribes an address, as Cachet: an address already subscribed is returned
	 * unchanged.
	 * @param verified whether the address counts as confirmed already
	 * @param componentIds the components to hear about, or {@code null} for all of them
	 * (a global subscriber, who also hears about components added later)
	 * @throws InvalidInputException for an unknown component
	 */
	@Transactional
	public SubscriberView subscribe(String email, boolean verified, @Nullable List<Long> componentIds) {
		return subscribe(email, verified, componentIds, null);
	}

	/**
	 * Subscribes an address, as {@link #subscribe(String, boolean, List)}, remembering
	 * the language their e-mail is to be written in.
	 * @param locale a page language tag, or {@code null} for the page's language
	 */
	@Transactional
	public SubscriberView subscribe(String email, boolean verified, @Nullable List<Long> componentIds,
			@Nullable String locale) {
		return subscribe(email, verified, componentIds, locale, WriteMode.NOTIFYING);
	}

	/**
	 * Subscribes an address, as {@link #subscribe(String, boolean, List, String)} does.
	 * @param mode {@link WriteMode#SILENT} for one that must reach nobody (an import: no
	 * verification e-mail)
	 */
	@Transactional
	public SubscriberView subscribe(String email, boolean verified, @Nullable List<Long> componentIds,
			@Nullable String locale, WriteMode mode) {
		String address = email.strip().toLowerCase(Locale.ROOT);
		var existing = this.subscribers.findByEmail(address);
		if (existing.isPresent()) {
			return existing.get();
		}
		Set<Long> subscribed = new LinkedHashSet<>();
		if (componentIds != null) {
			for (Long componentId : componentIds) {
				if (this.components.findComponent(componentId).isEmpty()) {
					throw new InvalidInputException("The selected component " + componentId + " is invalid.");
				}
				subscribed.add(componentId);
			}
		}
		else {
			subscribed.addAll(this.components.findAllComponentIds());
		}
		Instant now = now();
		long id = this.subscribers.insert(address, verifyCode(), verified ? now : null, componentIds == null, locale,
				now);
		this.subscribers.subscribe(id, subscribed, now);
		this.events.publishEvent(RecordChanged.numbered(AuditSubject.SUBSCRIBER, id, AuditAction.CREATED));
		this.events.publishEvent(new SubscriberCreated(id, address, verified, mode.silent()));
		return getSubscriber(id);
	}

	/**
	 * Subscribes from the public page. A new address gets the verification e-mail (or is
	 * verified at once when the page skips verification) and is subscribed to every
	 * component; an address subscribed already is e-mailed its manage link. Either way
	 * the page says the same, so it tells nobody whether an address is subscribed.
	 */
	@Transactional
	public void subscribeFromPage(String email, boolean skipVerification, String locale) {
		String address = email.strip().toLowerCase(Locale.ROOT);
		var existing = this.subscribers.findByEmail(address);
		if (existing.isPresent()) {
			this.events
				.publishEvent(new ManageLinkRequested(existing.get().id(), java.util.UUID.randomUUID().toString()));
			return;
		}
		SubscriberView created = subscribe(address, skipVerification, null, locale);
		if (created.isVerified()) {
			this.events.publishEvent(new ManageLinkRequested(created.id(), java.util.UUID.randomUUID().toString()));
		}
	}

	/**
	 * Confirms a subscriber's address (the link in the verification e-mail); confirming
	 * twice changes nothing.
	 */
	@Transactional
	public void verify(long id) {
		SubscriberView subscriber = getSubscriber(id);
		if (!subscriber.isVerified()) {
			this.subscribers.markVerified(id, now());
			this.events.publishEvent(RecordChanged.numbered(AuditSubject.SUBSCRIBER, id, AuditAction.VERIFIED));
		}
	}

	/**
	 * Replaces the components a subscriber hears about (the manage page).
	 * @param global whether every component the page offers was chosen: a global
	 * subscriber also hears about components added later, as in Cachet
	 * @throws InvalidInputException when nothing or an unknown component is chosen
	 */
	@Transactional
	public void changeSubscriptions(long id, Set<Long> componentIds, boolean global) {
		getSubscriber(id);
		if (componentIds.isEmpty()) {
			throw new InvalidInputException("Choose at least one component, or unsubscribe.");
		}
		List<Long> all = this.components.findAllComponentIds();
		if (!all.containsAll(componentIds)) {
			throw new InvalidInputException("A selected component is invalid.");
		}
		this.subscribers.replaceSubscriptions(id, global, componentIds, now());
		this.events.publishEvent(RecordChanged.numbered(AuditSubject.SUBSCRIBER, id, AuditAction.UPDATED));
	}

	/**
	 * Stops a subscriber hearing about one component. A global subscriber keeps every
	 * other component; someone left with no component is unsubscribed altogether.
	 */
	@Transactional
	public void unsubscribeFrom(long id, long componentId) {
		SubscriberView subscriber = getSubscriber(id);
		Set<Long> remaining = new LinkedHashSet<>();
		if (subscriber.global()) {
			remaining.addAll(this.components.findAllComponentIds());
		}
		else {
			subscriber.subscriptions().forEach((subscription) -> remaining.add(subscription.componentId()));
		}
		remaining.remove(componentId);
		if (remaining.isEmpty()) {
			deleteSubscriber(id);
			return;
		}
		this.subscribers.replaceSubscriptions(id, false, remaining, now());
		this.events.publishEvent(RecordChanged.numbered(AuditSubject.SUBSCRIBER, id, AuditAction.UPDATED));
	}

	/**
	 * @throws SubscriberNotFoundException for an unknown subscriber
	 */
	@Transactional
	public void deleteSubscriber(long id) {
		getSubscriber(id);
		this.subscribers.delete(id);
		this.events.publishEvent(RecordChanged.numbered(AuditSubject.SUBSCRIBER, id, AuditAction.DELETED));
	}

	/**
	 * @throws SubscriberNotFoundException for an unknown subscription
	 */
	@Transactional
	public void deleteSubscription(long subscriptionId) {
		this.subscribers.findSubscriptionOwner(subscriptionId)
			.orElseThrow(() -> SubscriberNotFoundException.forSubscription(subscriptionId));
		this.subscribers.deleteSubscription(subscriptionId);
		this.events
			.publishEvent(RecordChanged.numbered(AuditSubject.SUBSCRIPTION, subscriptionId, AuditAction.DELETED));
	}

	/**
	 * @return the verified subscribers who hear about this component: global ones and
	 * those subscribed to it
	 */
	@Transactional(readOnly = true)
	public List<SubscriberView> findSubscribersToNotify(long componentId) {
		return this.subscribers.findVerifiedFor(componentId);
	}

	private static String verifyCode() {
		char[] code = new char[42];
		for (int i = 0; i < code.length; i++) {
			code[i] = CODE_ALPHABET[RANDOM.nextInt(CODE_ALPHABET.length)];
		}
		return new String(code);
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
