package io.cachet.settings;

import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * The {@code always_authenticate} setting as an authorisation rule, shared by the
 * dashboard's chain (the status page, feeds, badges, widget) and the API's (its public
 * reads): public while the setting is off, for authenticated callers only while it is on,
 * as in Cachet. The setting is read at each request, so a change applies at once.
 */
public final class AlwaysAuthenticate {

	/** The setting's name. */
	public static final String SETTING = "always_authenticate";

	private AlwaysAuthenticate() {
	}

	/**
	 * @return a rule that grants everyone while the setting is off, and authenticated
	 * callers only while it is on
	 */
	public static AuthorizationManager<RequestAuthorizationContext> publicUnlessOn(SettingsService settings) {
		AuthorizationManager<RequestAuthorizationContext> authenticated = AuthenticatedAuthorizationManager
			.authenticated();
		return (authentication, context) -> settings.site().alwaysAuthenticate()
				? authenticated.authorize(authentication, context) : new AuthorizationDecision(true);
	}

}
