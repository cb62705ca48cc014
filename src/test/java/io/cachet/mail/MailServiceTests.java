package io.cachet.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.cachet.settings.SettingsService;
import io.cachet.settings.SiteSettings;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * {@link MailService#sendEach}: every message is reported the moment the server has it,
 * before the next one is sent, so that the caller can record it at once.
 */
class MailServiceTests {

	@RegisterExtension
	static final MailServer smtp = new MailServer();

	@Test
	void reportsEachMessageAsSoonAsTheServerHasItWithItsOwnMessageId() throws Exception {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(smtp.getSmtp().getPort());
		MailService mail = service(sender);
		List<OutgoingMail> mails = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			mails.add(new OutgoingMail("reader" + i + "@example.com", "Hello " + i, "Text", null, Map.of(),
					"delivery-" + i + ".1@example.com"));
		}
		mails.add(2, new OutgoingMail("not an address", "Broken", "Text", null, Map.of(), null));
		List<String> events = new ArrayList<>();

		mail.sendEach(mails, new MailService.SendOutcome() {
			@Override
			public void accepted(int index) {
				events.add("accepted " + index + " with " + smtp.getReceivedMessages().length + " received");
			}

			@Override
			public void failed(int index, Exception error) {
				events.add("failed " + index);
			}
		});

		assertThat(events).containsExactly("accepted 0 with 1 received", "accepted 1 with 2 received", "failed 2",
				"accepted 3 with 3 received", "accepted 4 with 4 received", "accepted 5 with 5 received");
		assertThat(smtp.getReceivedMessages()[4].getMessageID()).isEqualTo("<delivery-4.1@example.com>");
	}

	@Test
	void failsEveryMessageWhenTheServerCannotBeReached() {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(1);
		List<Integer> failed = new ArrayList<>();

		service(sender).sendEach(
				List.of(new OutgoingMail("a@example.com", "A", "Text", null, Map.of(), null),
						new OutgoingMail("b@example.com", "B", "Text", null, Map.of(), null)),
				new MailService.SendOutcome() {
					@Override
					public void accepted(int index) {
						throw new AssertionError("accepted " + index);
					}

					@Override
					public void failed(int index, Exception error) {
						failed.add(index);
					}
				});

		assertThat(failed).containsExactly(0, 1);
	}

	@SuppressWarnings("unchecked")
	private static MailService service(JavaMailSender sender) {
		ObjectProvider<JavaMailSender> provider = mock(ObjectProvider.class);
		given(provider.getIfAvailable()).willReturn(sender);
		SettingsService settings = mock(SettingsService.class);
		given(settings.site()).willReturn(SiteSettings.defaults());
		return new MailService(provider, settings, "status@example.com");
	}

}
