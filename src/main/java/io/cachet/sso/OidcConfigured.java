package io.cachet.sso;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Whether at least one OpenID Connect provider is configured: without one, none of the
 * OpenID Connect beans exists, so the dashboard's filter chain, Boot's OAuth2 client
 * auto-configuration (which backs off without a {@code ClientRegistrationRepository}) and
 * the login page are exactly what they are without single sign-on.
 */
class OidcConfigured implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return Binder.get(context.getEnvironment())
			.bind("cachet.sso.oidc", Bindable.mapOf(String.class, OidcProperties.Provider.class))
			.map((providers) -> !providers.isEmpty())
			.orElse(false);
	}

}
