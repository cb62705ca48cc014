package io.cachet.sso;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.cachet.IsolatedIntegrationTest;
import io.cachet.TestUsers;
import io.cachet.dashboard.FormClient;
import io.cachet.user.UserService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code CACHET_LOCAL_LOGIN=false} with a break-glass admin: only that admin may log in
 * with a local password. Its own context: the policy is application-wide.
 */
@IsolatedIntegrationTest(
		properties = { "cachet.local-login.enabled=false", "cachet.local-login.break-glass-admin=Rescue" })
class LocalLoginOffIntegrationTests {

	@LocalServerPort
	int port;

	@BeforeAll
	static void users(@Autowired UserService users) {
		users.createUser(TestUsers.admin("rescue"));
		users.createUser(TestUsers.admin("alice"));
	}

	@Test
	void aLocalPasswordNoLongerOpensTheDashboard() {
		FormClient client = new FormClient(this.port);

		HttpResponse<String> login = client.logIn("alice", "correct horse battery");

		assertThat(login.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/auth/login?local-off"));
		assertThat(client.get("/dashboard").statusCode()).isEqualTo(302);
		assertThat(client.get("/auth/login?local-off").body())
			.contains("Logging in with a password kept here is turned off");
	}

	@Test
	void theBreakGlassAdminStillLogsInByNameOrEmail() {
		for (String login : new String[] { "rescue", "rescue@example.com" }) {
			FormClient client = new FormClient(this.port);

			HttpResponse<String> answer = client.logIn(login, "correct horse battery");

			assertThat(answer.headers().firstValue("Location"))
				.hasValueSatisfying((location) -> assertThat(location).endsWith("/dashboard"));
			assertThat(client.get("/dashboard/settings/setup").statusCode()).isEqualTo(200);
		}
	}

	@Test
	void aWrongPasswordOfTheBreakGlassAdminIsAnOrdinaryError() {
		HttpResponse<String> answer = new FormClient(this.port).logIn("rescue", "wrong password!");

		assertThat(answer.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/auth/login?error"));
	}

	@Test
	void theLoginPageFoldsThePasswordFormAwayForTheAdmin() {
		String page = new FormClient(this.port).get("/auth/login").body();

		assertThat(page).contains("<summary>Administrator sign-in</summary>").contains("name=\"password\"");
	}

}
