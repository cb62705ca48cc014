package io.cachet.mail;

import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import io.cachet.settings.SettingsService;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Service;

/**
 * Sends plain-text e-mail. The SMTP server comes from Spring's own mail configuration
 * when it is set ({@code SPRING_MAIL_HOST}, {@code SPRING_MAIL_PORT}, ...: a
 * {@link JavaMailSender} bean exists), else from the dashboard's mail settings
 * ({@code mail_host}, {@code mail_port}, {@code mail_username}, {@code mail_password},
 * {@code mail_encryption}). The sender is {@code CACHET_MAIL_FROM}, else the
 * {@code mail_address} setting.
 */
@Service
public class MailService {

	private final ObjectProvider<JavaMailSender> configured;

	private final SettingsService settings;

	private final String from;

	MailService(ObjectProvider<JavaMailSender> configured, SettingsService settings,
			@Value("${cachet.mail.from:}") String from) {
		this.configured = configured;
		this.settings = settings;
		this.from = from;
	}

	/**
	 * @return whether an SMTP server is configured at all
	 */
	public boolean isConfigured() {
		return this.configured.getIfAvailable() != null || !this.settings.get("mail_host", "").isBlank();
	}

	/**
	 * @throws MailException when the server refuses or cannot be reached
	 * @throws IllegalStateException when no server is configured
	 */
	public void send(String to, String subject, String text) {
		JavaMailSender sender = sender();
		SimpleMailMessage message = new SimpleMailMessage();
		String senderAddress = senderAddress();
		if (!senderAddress.isBlank()) {
			String name = this.settings.get("mail_name", "");
			message.setFrom(name.isBlank() ? senderAddress : name + " <" + senderAddress + ">");
		}
		message.setTo(to);
		message.setSubject(subject);
		message.setText(text);
		sender.send(message);
	}

	/**
	 * Sends several messages over one connection to the server.
	 * @return the messages (by index in {@code mails}) that were not accepted, with the
	 * reason; empty when the server took them all
	 */
	public Map<Integer, Exception> sendAll(List<OutgoingMail> mails) {
		Map<Integer, Exception> failures = new HashMap<>();
		if (mails.isEmpty()) {
			return failures;
		}
		JavaMailSender sender;
		try {
			sender = sender();
		}
		catch (IllegalStateException ex) {
			for (int i = 0; i < mails.size(); i++) {
				failures.put(i, ex);
			}
			return failures;
		}
		Map<MimeMessage, Integer> indexes = new IdentityHashMap<>();
		MimeMessage[] messages = new MimeMessage[mails.size()];
		for (int i = 0; i < mails.size(); i++) {
			try {
				messages[i] = mimeMessage(sender, mails.get(i));
				indexes.put(messages[i], i);
			}
			catch (MessagingException | RuntimeException ex) {
				failures.put(i, ex);
			}
		}
		MimeMessage[] valid = Arrays.stream(messages).filter(Objects::nonNull).toArray(MimeMessage[]::new);
		try {
			sender.send(valid);
		}
		catch (MailSendException ex) {
			ex.getFailedMessages().forEach((message, cause) -> {
				Integer index = indexes.get(message);
				if (index != null) {
					failures.put(index, cause);
				}
			});
			if (ex.getFailedMessages().isEmpty()) {
				indexes.values().forEach((index) -> failures.put(index, ex));
			}
		}
		catch (MailException ex) {
			indexes.values().forEach((index) -> failures.put(index, ex));
		}
		return failures;
	}

	/**
	 * Builds the message by hand rather than with {@code MimeMessageHelper}, which sets
	 * up a MIME type map per message: the cost that dominated a large fan-out.
	 */
	private MimeMessage mimeMessage(JavaMailSender sender, OutgoingMail mail) throws MessagingException {
		MimeMessage message = (mail.messageId() != null && sender instanceof JavaMailSenderImpl impl)
				? new FixedIdMessage(impl.getSession(), mail.messageId()) : sender.createMimeMessage();
		String senderAddress = senderAddress();
		if (!senderAddress.isBlank()) {
			String name = this.settings.get("mail_name", "");
			try {
				message.setFrom(name.isBlank() ? new InternetAddress(senderAddress)
						: new InternetAddress(senderAddress, name, "UTF-8"));
			}
			catch (java.io.UnsupportedEncodingException ex) {
				message.setFrom(new InternetAddress(senderAddress));
			}
		}
		message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to()));
		message.setSubject(mail.subject(), "UTF-8");
		message.setSentDate(new java.util.Date());
		if (mail.html() != null) {
			MimeBodyPart text = new MimeBodyPart();
			text.setText(mail.text(), "UTF-8");
			// Said outright, the encoding need not be found by scanning every message.
			text.setHeader("Content-Transfer-Encoding", "quoted-printable");
			MimeBodyPart html = new MimeBodyPart();
			html.setText(mail.html(), "UTF-8", "html");
			html.setHeader("Content-Transfer-Encoding", "quoted-printable");
			MimeMultipart alternative = new MimeMultipart("alternative");
			alternative.addBodyPart(text);
			alternative.addBodyPart(html);
			message.setContent(alternative);
		}
		else {
			message.setText(mail.text(), "UTF-8");
			message.setHeader("Content-Transfer-Encoding", "quoted-printable");
		}
		for (Map.Entry<String, String> header : mail.headers().entrySet()) {
			message.setHeader(header.getKey(), header.getValue());
		}
		return message;
	}

	private String senderAddress() {
		return !this.from.isBlank() ? this.from : this.settings.get("mail_address", "");
	}

	/**
	 * A message whose {@code Message-ID} is chosen by us rather than made up when it is
	 * sent.
	 */
	private static final class FixedIdMessage extends MimeMessage {

		private final String id;

		FixedIdMessage(Session session, String id) {
			super(session);
			this.id = id;
		}

		@Override
		protected void updateMessageID() throws MessagingException {
			setHeader("Message-ID", "<" + this.id + ">");
		}

	}

	private JavaMailSender sender() {
		JavaMailSender fromSpring = this.configured.getIfAvailable();
		if (fromSpring != null) {
			return fromSpring;
		}
		String host = this.settings.get("mail_host", "");
		if (host.isBlank()) {
			throw new IllegalStateException("No mail server is configured");
		}
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost(host);
		sender.setPort(this.settings.getInt("mail_port", 25));
		String username = this.settings.get("mail_username", "");
		if (!username.isBlank()) {
			sender.setUsername(username);
			sender.setPassword(this.settings.get("mail_password", ""));
		}
		Properties properties = new Properties();
		properties.put("mail.smtp.auth", String.valueOf(!username.isBlank()));
		properties.put("mail.smtp.connectiontimeout", "10000");
		properties.put("mail.smtp.timeout", "10000");
		properties.put("mail.smtp.writetimeout", "10000");
		String encryption = this.settings.get("mail_encryption", "none");
		if ("tls".equals(encryption)) {
			properties.put("mail.smtp.starttls.enable", "true");
			properties.put("mail.smtp.starttls.required", "true");
		}
		else if ("ssl".equals(encryption)) {
			properties.put("mail.smtp.ssl.enable", "true");
		}
		sender.setJavaMailProperties(properties);
		return sender;
	}

}
