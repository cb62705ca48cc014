package io.cachet.mail;

import java.util.Properties;

import io.cachet.settings.SettingsService;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
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
		String senderAddress = !this.from.isBlank() ? this.from : this.settings.get("mail_address", "");
		if (!senderAddress.isBlank()) {
			String name = this.settings.get("mail_name", "");
			message.setFrom(name.isBlank() ? senderAddress : name + " <" + senderAddress + ">");
		}
		message.setTo(to);
		message.setSubject(subject);
		message.setText(text);
		sender.send(message);
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
