package io.cachet.api;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.cachet.settings.SettingsService;

/**
 * The status page's public base URL for permalinks: the {@code app_domain} setting when
 * set, else the scheme, host and port the request came in on.
 */
@Component
class PublicUrls {

	private final SettingsService settings;

	PublicUrls(SettingsService settings) {
		this.settings = settings;
	}

	String baseUrl() {
		return this.settings.get("app_domain")
			.map(String::strip)
			.filter((domain) -> !domain.isEmpty())
			.map((domain) -> domain.contains("://") ? domain : "https://" + domain)
			.map((domain) -> domain.endsWith("/") ? domain.substring(0, domain.length() - 1) : domain)
			.orElseGet(() -> ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString());
	}

}
