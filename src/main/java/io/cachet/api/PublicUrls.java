package io.cachet.api;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.cachet.settings.PublicAddress;

/**
 * The status page's public base URL for permalinks: the configured one
 * ({@link PublicAddress#configuredBaseUrl()}) when there is one, else the scheme, host
 * and port the request came in on.
 */
@Component
class PublicUrls {

	private final PublicAddress address;

	PublicUrls(PublicAddress address) {
		this.address = address;
	}

	String baseUrl() {
		return this.address.configuredBaseUrl()
			.orElseGet(() -> ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString());
	}

}
