package io.cachet.sso;

import java.util.List;
import java.util.Optional;

import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.DefaultOAuth2UserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.client.RestTemplate;

import io.cachet.shared.DatabaseOutage;
import io.cachet.user.ExternalIdentity;
import io.cachet.user.ExternalSignInRefusedException;
import io.cachet.user.ExternalSignIns;
import io.cachet.user.UserAccount;
import io.cachet.user.UserLevel;

/**
 * Who a provider vouched for, as a dashboard user: Spring Security's OpenID Connect user
 * (the ID token, and the userinfo endpoint's claims when the provider has one), then the
 * role of their groups and {@link ExternalSignIns#signIn} (just in time, linked by the
 * subject). A refusal is a {@link SignInRefusedException}, which the login page shows.
 */
class OidcSignInUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

	private final OidcUserService oidc = new OidcUserService();

	private final OidcProperties properties;

	private final SsoProperties sso;

	private final ExternalSignIns signIns;

	OidcSignInUserService(OidcProperties properties, SsoProperties sso, ExternalSignIns signIns) {
		this.properties = properties;
		this.sso = sso;
		this.signIns = signIns;
		var userInfo = new DefaultOAuth2UserService();
		userInfo.setRestOperations(boundedRestTemplate());
		this.oidc.setOauth2UserService(userInfo);
	}

	private static RestTemplate boundedRestTemplate() {
		var rest = new RestTemplate(OidcClientRegistrations.OidcHttp.requestFactory());
		rest.setErrorHandler(new org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler());
		return rest;
	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
		OidcUser user = this.oidc.loadUser(request);
		String id = request.getClientRegistration().getRegistrationId();
		OidcProperties.Provider provider = this.properties.oidc().get(id);
		if (provider == null) {
			throw new AuthenticationServiceException("No OpenID Connect provider " + id);
		}
		List<String> groups = OidcClaims.groups(user.getClaims(), provider.groupsClaim());
		Optional<UserLevel> level = provider.roles(this.sso.roles()).levelFor(groups);
		ExternalIdentity identity = OidcClaims.identity(id, user.getClaims(), provider.usernameClaim());
		UserAccount account;
		try {
			account = this.signIns.signIn(identity, level, this.sso.linkByEmail());
		}
		catch (ExternalSignInRefusedException ex) {
			throw new SignInRefusedException(ex);
		}
		catch (RuntimeException ex) {
			if (DatabaseOutage.isOutage(ex)) {
				// the failure handler sends the browser to the login page's "unavailable"
				throw new AuthenticationServiceException("The database is unavailable", ex);
			}
			throw ex;
		}
		return new SignedInOidcUser(user, account);
	}

}
