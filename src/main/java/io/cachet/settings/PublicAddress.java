package io.cachet.settings;

import io.cachet.shared.CachetProperties;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Where the status page is reached from outside, for links in e-mail and webhooks (which
 * are sent without a request to take the address from): {@code CACHET_APP_URL}, else the
 * {@code app_domain} setting, else this server on localhost.
 */
@Component
public class PublicAddress {

	private final SettingsService settings;

	private final String appUrl;

	private final Environment environment;

	PublicAddress(SettingsService settings, CachetProperties properties, Environment environment) {
		this.settings = settings;
		this.appUrl = properties.appUrl();
		this.environment = environment;
	}

	/**
	 * @return the base URL without a trailing slash, e.g.
	 * {@code https://status.example.com}
	 */
	public String baseUrl() {
		// the port the server really listens on (server.port may be 0: any free port)
		return configuredBaseUrl().orElseGet(() -> "http://localhost:" + this.environment
			.getProperty("local.server.port", this.environment.getProperty("server.port", "8080")));
	}

	/**
	 * @return the base URL the team configured ({@code CACHET_APP_URL}, else the
	 * {@code app_domain} setting; {@code https://} when no scheme is given), if any
	 */
	public java.util.Optional<String> configuredBaseUrl() {
		String configured = this.appUrl.isBlank() ? this.settings.site().domain().strip() : this.appUrl.strip();
		if (configured.isEmpty()) {
			return java.util.Optional.empty();
		}
		String url = configured.contains("://") ? configured : "https://" + configured;
		return java.util.Optional.of(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
	}

}
