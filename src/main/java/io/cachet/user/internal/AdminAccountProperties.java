package io.cachet.user.internal;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

/**
 * The admin account for an unattended first run, from {@code CACHET_ADMIN_USERNAME},
 * {@code CACHET_ADMIN_EMAIL}, {@code CACHET_ADMIN_PASSWORD} and, optionally,
 * {@code CACHET_ADMIN_API_TOKEN}.
 */
@ConfigurationProperties("cachet.admin")
record AdminAccountProperties(@Nullable String username, @Nullable String email, @Nullable String password,
		@Nullable String apiToken) {

	boolean isConfigured() {
		return StringUtils.hasText(this.username) && StringUtils.hasText(this.email)
				&& StringUtils.hasText(this.password);
	}

	@Nullable String apiTokenOrNull() {
		return StringUtils.hasText(this.apiToken) ? this.apiToken : null;
	}

	@Override
	public String toString() {
		return "AdminAccountProperties[username=" + this.username + ", email=" + this.email + "]";
	}

}
