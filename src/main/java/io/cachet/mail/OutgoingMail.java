package io.cachet.mail;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One e-mail to one address.
 *
 * @param html the HTML alternative, or {@code null} for plain text only
 * @param headers extra headers such as {@code List-Unsubscribe}
 * @param messageId a stable {@code Message-ID} (without angle brackets), so that a
 * message sent again after a crash is recognisably the same one; {@code null} for a fresh
 * one
 */
public record OutgoingMail(String to, String subject, String text, @Nullable String html, Map<String, String> headers,
		@Nullable String messageId) {

}
