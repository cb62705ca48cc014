package io.cachet.notification;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import io.cachet.mail.MailService;
import io.cachet.mail.OutgoingMail;
import io.cachet.notification.internal.OutboxRepository.DeliveryTask;
import io.cachet.settings.PublicAddress;
import io.cachet.settings.SettingsService;
import io.cachet.settings.PageLocales;

/**
 * Sends a notification's e-mails, many over one SMTP connection. Each message carries
 * {@code List-Unsubscribe} (with one-click unsubscribe, RFC 8058) and a
 * {@code Message-ID} made from the delivery, the same on every attempt.
 */
@Component
class EmailChannel {

	private final MailService mail;

	private final EmailComposer composer;

	private final SettingsService settings;

	private final PublicAddress address;

	/** Written e-mails by notification and language; a fan-out writes each once. */
	private final Map<String, EmailComposer.Composed> composed = Collections
		.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, EmailComposer.Composed> eldest) {
				return size() > 64;
			}
		});

	EmailChannel(MailService mail, EmailComposer composer, SettingsService settings, PublicAddress address) {
		this.mail = mail;
		this.composer = composer;
		this.settings = settings;
		this.address = address;
	}

	/**
	 * Sends to subscribers who all receive the same notification, over one connection,
	 * telling {@code outcome} about each delivery as soon as the server has answered for
	 * it.
	 */
	void send(List<DeliveryTask> tasks, NotificationContent content, Outcome outcome) {
		List<OutgoingMail> mails = new ArrayList<>(tasks.size());
		String host = URI.create(this.address.baseUrl()).getHost();
		for (DeliveryTask task : tasks) {
			Locale locale = (task.locale() != null) ? PageLocales.fromSetting(task.locale())
					: this.settings.site().locale();
			EmailComposer.Composed written = this.composed.computeIfAbsent(
					task.notificationId() + "/" + locale.toLanguageTag(),
					(key) -> this.composer.compose(content, locale));
			String code = java.util.Objects.requireNonNull(task.verifyCode());
			String[] body = written.personalise(this.composer.links(), task.recipientId(), code);
			Map<String, String> headers = new LinkedHashMap<>();
			if (written.unsubscribable()) {
				headers.put("List-Unsubscribe",
						"<" + this.composer.links().unsubscribeUrl(task.recipientId(), code) + ">");
				headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
			}
			mails.add(new OutgoingMail(java.util.Objects.requireNonNull(task.email()), written.subject(), body[0],
					body[1], headers, messageId(task, host)));
		}
		this.mail.sendEach(mails, new MailService.SendOutcome() {
			@Override
			public void accepted(int index) {
				outcome.accepted(tasks.get(index));
			}

			@Override
			public void failed(int index, Exception error) {
				outcome.failed(tasks.get(index), error);
			}
		});
	}

	/**
	 * Made from the delivery row alone, so a message sent again after a crash carries the
	 * same id and the receiving side can drop the second copy.
	 */
	static String messageId(DeliveryTask task, @Nullable String host) {
		return "delivery-" + task.id() + "." + task.notificationId() + "@" + ((host != null) ? host : "cachet");
	}

	/**
	 * What became of each delivery of a {@link #send}.
	 */
	interface Outcome {

		void accepted(DeliveryTask task);

		void failed(DeliveryTask task, Exception error);

	}

}
