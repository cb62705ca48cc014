package io.cachet.mail;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.jspecify.annotations.Nullable;

import io.cachet.settings.SettingsService;
import io.cachet.settings.SiteSettings;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
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

	@Autowired
	MailService(ObjectProvider<JavaMailSender> configured, SettingsService settings,
			OutgoingMailProperties properties) {
		this(configured, settings, properties.from());
	}

	MailService(ObjectProvider<JavaMailSender> configured, SettingsService settings, String from) {
		this.configured = configured;
		this.settings = settings;
		this.from = from;
	}

	/**
	 * @return whether an SMTP server is configured at all
	 */
	public boolean isConfigured() {
		return this.configured.getIfAvailable() != null || !this.settings.site().mail().host().isBlank();
	}

	/**
	 * @return whether the SMTP server is the one of the dashboard's mail settings (typed
	 * in by an admin) rather than the operator's {@code SPRING_MAIL_*} configuration
	 */
	public boolean usesDashboardSettings() {
		return this.configured.getIfAvailable() == null;
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
			String name = this.settings.site().mail().name();
			message.setFrom(name.isBlank() ? senderAddress : name + " <" + senderAddress + ">");
		}
		message.setTo(to);
		message.setSubject(subject);
		message.setText(text);
		sender.send(message);
	}

	/**
	 * Sends several messages over one connection to the server, one after the other,
	 * telling {@code outcome} about each as soon as the server has answered for it (and
	 * before the next one is sent), so that the caller can record it right away: after a
	 * crash, only the message being handed over at that moment is in doubt.
	 * <p>
	 * The connection is opened here with the configured sender's own session and settings
	 * rather than through {@link JavaMailSender#send(MimeMessage...)}, which reports only
	 * once the whole batch is over. A connection lost in the middle is opened again for
	 * the next message; one that cannot be opened fails the rest.
	 */
	public void sendEach(List<OutgoingMail> mails, SendOutcome outcome) {
		if (mails.isEmpty()) {
			return;
		}
		JavaMailSender sender;
		try {
			sender = sender();
		}
		catch (IllegalStateException ex) {
			failFrom(0, mails, outcome, ex);
			return;
		}
		if (!(sender instanceof JavaMailSenderImpl impl)) {
			sendOneByOne(sender, mails, outcome);
			return;
		}
		Transport transport = null;
		try {
			for (int i = 0; i < mails.size(); i++) {
				MimeMessage message;
				try {
					message = mimeMessage(sender, mails.get(i));
					message.saveChanges();
				}
				catch (MessagingException | RuntimeException ex) {
					outcome.failed(i, ex);
					continue;
				}
				if (transport == null || !transport.isConnected()) {
					closeQuietly(transport);
					transport = null;
					try {
						transport = connect(impl);
					}
					catch (MessagingException | RuntimeException ex) {
						failFrom(i, mails, outcome, new MailSendException("Mail server connection failed", ex));
						return;
					}
				}
				try {
					Address[] recipients = message.getAllRecipients();
					transport.sendMessage(message, (recipients != null) ? recipients : new Address[0]);
				}
				catch (MessagingException | RuntimeException ex) {
					outcome.failed(i, ex);
					continue;
				}
				outcome.accepted(i);
			}
		}
		finally {
			closeQuietly(transport);
		}
	}

	private void sendOneByOne(JavaMailSender sender, List<OutgoingMail> mails, SendOutcome outcome) {
		for (int i = 0; i < mails.size(); i++) {
			try {
				sender.send(mimeMessage(sender, mails.get(i)));
			}
			catch (MessagingException | RuntimeException ex) {
				outcome.failed(i, ex);
				continue;
			}
			outcome.accepted(i);
		}
	}

	private static Transport connect(JavaMailSenderImpl sender) throws MessagingException {
		Session session = sender.getSession();
		String protocol = sender.getProtocol();
		if (protocol == null) {
			protocol = session.getProperty("mail.transport.protocol");
		}
		Transport transport = session.getTransport((protocol != null) ? protocol : "smtp");
		// as JavaMailSenderImpl does: an empty user name (an unset placeholder) means
		// none
		String username = sender.getUsername();
		String password = sender.getPassword();
		if (username != null && username.isEmpty()) {
			username = null;
			password = (password != null && password.isEmpty()) ? null : password;
		}
		transport.connect(sender.getHost(), sender.getPort(), username, password);
		return transport;
	}

	private static void closeQuietly(@Nullable Transport transport) {
		if (transport != null) {
			try {
				transport.close();
			}
			catch (MessagingException ex) {
				// every message has had its answer already
			}
		}
	}

	private static void failFrom(int from, List<OutgoingMail> mails, SendOutcome outcome, Exception error) {
		for (int i = from; i < mails.size(); i++) {
			outcome.failed(i, error);
		}
	}

	/**
	 * What became of each message of {@link #sendEach}, by its index in the list.
	 */
	public interface SendOutcome {

		/** The server took the message. */
		void accepted(int index);

		/** The message was not sent (or its fate is unknown): worth another attempt. */
		void failed(int index, Exception error);

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
			String name = this.settings.site().mail().name();
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
		return !this.from.isBlank() ? this.from : this.settings.site().mail().address();
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
		SiteSettings.Mail settings = this.settings.site().mail();
		String host = settings.host();
		if (host.isBlank()) {
			throw new IllegalStateException("No mail server is configured");
		}
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost(host);
		sender.setPort(settings.port());
		String username = settings.username();
		if (!username.isBlank()) {
			sender.setUsername(username);
			sender.setPassword(this.settings.getSecret("mail_password", ""));
		}
		Properties properties = new Properties();
		properties.put("mail.smtp.auth", String.valueOf(!username.isBlank()));
		properties.put("mail.smtp.connectiontimeout", "10000");
		properties.put("mail.smtp.timeout", "10000");
		properties.put("mail.smtp.writetimeout", "10000");
		String encryption = settings.encryption();
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
