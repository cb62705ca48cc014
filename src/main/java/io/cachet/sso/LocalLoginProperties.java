package io.cachet.sso;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Whether the team may log in with passwords kept here ({@code cachet.local-login.*}).
 *
 * @param enabled false ({@code CACHET_LOCAL_LOGIN=false}) when everyone signs in through
 * a provider; the directory's logins (LDAP) still use the form
 * @param breakGlassAdmin the username of the one admin who may still log in with their
 * local password (and TOTP) when local login is off, for when the provider is down
 * ({@code CACHET_LOCAL_LOGIN_ADMIN})
 */
@ConfigurationProperties("cachet.local-login")
public record LocalLoginProperties(@DefaultValue("true") boolean enabled, @Nullable String breakGlassAdmin) {

	/**
	 * @param username the account's username, as stored
	 */
	boolean allows(String username) {
		return this.enabled || (this.breakGlassAdmin != null && !this.breakGlassAdmin.isBlank()
				&& this.breakGlassAdmin.strip().equalsIgnoreCase(username));
	}

}
