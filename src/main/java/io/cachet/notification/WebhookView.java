package io.cachet.notification;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.List;

/**
 * A webhook. Its secret is not part of the view: it is shown once, when it is made. Its
 * URL is, for the service's own use; what people see is {@link #redactedUrl()}, because
 * for Slack, Discord or Teams the URL itself is the credential.
 *
 * @param events the event names it takes when it does not take them all
 */
public record WebhookView(long id, String url, String description, WebhookFormat format, boolean sendAllEvents,
		List<String> events, boolean enabled, Instant createdAt, Instant updatedAt) {

	/**
	 * @return the URL as people may see it after its creation: scheme and host only
	 */
	public String redactedUrl() {
		return redact(this.url);
	}

	/**
	 * @return {@code url} cut to its scheme, host and port followed by {@code /…}, or
	 * {@code …} when it cannot be read
	 */
	public static String redact(String url) {
		try {
			URI uri = new URI(url.strip());
			if (uri.getScheme() == null || uri.getHost() == null) {
				return "…";
			}
			return uri.getScheme() + "://" + uri.getHost() + ((uri.getPort() != -1) ? ":" + uri.getPort() : "") + "/…";
		}
		catch (URISyntaxException ex) {
			return "…";
		}
	}

}
