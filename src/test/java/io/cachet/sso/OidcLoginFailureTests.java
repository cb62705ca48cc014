package io.cachet.sso;

import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

import io.cachet.user.ExternalSignInRefusedException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where a failed OpenID Connect sign-in leads: the login page, with why.
 */
class OidcLoginFailureTests {

	private final MockHttpServletRequest callback = new MockHttpServletRequest("GET", "/login/oauth2/code/keycloak");

	@Test
	void aRefusalByCachetSaysWhy() {
		var refused = new SignInRefusedException(
				new ExternalSignInRefusedException(ExternalSignInRefusedException.Reason.NO_ROLE));
		assertThat(OidcLogin.failureQuery(this.callback, refused)).isEqualTo("refused=no_role");
	}

	@Test
	void aProviderThatFailsInTheExchangeCannotBeReached() {
		for (String code : new String[] { "invalid_token_response", "invalid_id_token",
				"invalid_user_info_response" }) {
			assertThat(OidcLogin.failureQuery(this.callback, new OAuth2AuthenticationException(new OAuth2Error(code))))
				.isEqualTo("unreachable=keycloak");
		}
		assertThat(OidcLogin.failureQuery(this.callback,
				new ProviderUnavailableException("keycloak", "down", new RuntimeException())))
			.isEqualTo("unreachable=keycloak");
	}

	@Test
	void anyOtherFailureOfTheExchangeSaysItDidNotComplete() {
		assertThat(OidcLogin.failureQuery(this.callback,
				new OAuth2AuthenticationException(new OAuth2Error("access_denied"))))
			.isEqualTo("sso-failed");
		assertThat(OidcLogin.failureQuery(this.callback,
				new OAuth2AuthenticationException(new OAuth2Error("authorization_request_not_found"))))
			.isEqualTo("sso-failed");
	}

	@Test
	void aDatabaseThatIsDownIsSaid() {
		var outage = new AuthenticationServiceException("The database is unavailable",
				new DataAccessResourceFailureException("down", new SQLTransientConnectionException("gone")));
		assertThat(OidcLogin.failureQuery(this.callback, outage)).isEqualTo("unavailable");
	}

}
