package io.cachet.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The application's own mail settings ({@code cachet.mail.*}; the SMTP server is Boot's
 * {@code spring.mail.*} or the dashboard's mail settings).
 *
 * @param from the sender address (blank: the dashboard's setting)
 */
@ConfigurationProperties("cachet.mail")
record OutgoingMailProperties(@DefaultValue("") String from) {

}
