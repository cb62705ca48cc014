package io.cachet.dashboard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cachet.CachetIntegrationTest;
import io.cachet.user.InviteState;
import io.cachet.user.UserLevel;
import io.cachet.user.UserService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The attacks: someone who can read the {@code invites} table (a dump, a backup) tries
 * its codes as sign-up links, and someone holding an old or used link tries it again. The
 * table holds digests, which are no links; an old or used link gets a page that says why,
 * never a 500.
 */
@CachetIntegrationTest
class InviteCodesIntegrationTests {

	@Autowired
	WebApplicationContext context;

	@Autowired
	UserService users;

	@Autowired
	JdbcClient jdbc;

	MockMvc web;

	@BeforeEach
	void setUp() {
		this.web = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
	}

	@Test
	void theTableHoldsADigestThatIsNoSignUpLink() throws Exception {
		String email = "dump" + System.nanoTime() + "@example.com";
		String code = this.users.invite(email, UserLevel.ADMIN);
		String stored = storedCode(email);
		assertThat(stored).isNotEqualTo(code).isEqualTo(sha256(code)).doesNotContain(code);

		MockHttpServletResponse fromTable = page("/signup/invite/" + stored);
		assertThat(fromTable.getStatus()).isEqualTo(404);
		assertThat(fromTable.getContentAsString()).contains("invite-unknown").doesNotContain(email);
		MockHttpServletResponse signUp = signUp(stored, "mallory");
		assertThat(signUp.getStatus()).isEqualTo(404);
		assertThat(this.users.findByLogin("mallory")).isEmpty();

		assertThat(page("/signup/invite/" + code).getContentAsString()).as("the link that was sent works")
			.contains(email);
	}

	@Test
	void anExpiredInviteIsRefusedWithAPageThatSaysSo() throws Exception {
		String email = "late" + System.nanoTime() + "@example.com";
		String code = this.users.invite(email, UserLevel.ADMIN);
		age(email, Duration.ofDays(6));
		assertThat(this.users.inviteState(code)).as("within the 7 days").isEqualTo(InviteState.OPEN);
		age(email, Duration.ofDays(8));
		assertThat(this.users.inviteState(code)).isEqualTo(InviteState.EXPIRED);

		MockHttpServletResponse form = page("/signup/invite/" + code);
		assertThat(form.getStatus()).isEqualTo(410);
		assertThat(form.getContentAsString()).contains("invite-expired", "has expired").doesNotContain(email);
		String username = "late" + System.nanoTime();
		assertThat(signUp(code, username).getStatus()).isEqualTo(410);
		assertThat(this.users.findByLogin(username)).isEmpty();
	}

	@Test
	void aUsedInviteIsRefusedWithAPageThatSaysSo() throws Exception {
		String email = "twice" + System.nanoTime() + "@example.com";
		String code = this.users.invite(email, UserLevel.USER);
		assertThat(signUp(code, "first" + System.nanoTime()).getRedirectedUrl()).isEqualTo("/auth/login?joined");

		MockHttpServletResponse again = page("/signup/invite/" + code);
		assertThat(again.getStatus()).isEqualTo(410);
		assertThat(again.getContentAsString()).contains("invite-used");
		assertThat(signUp(code, "second" + System.nanoTime()).getStatus()).isEqualTo(410);
	}

	private MockHttpServletResponse page(String path) throws Exception {
		return this.web.perform(get(path)).andReturn().getResponse();
	}

	private MockHttpServletResponse signUp(String code, String username) throws Exception {
		return this.web
			.perform(post("/signup/invite/" + code).with(csrf())
				.param("username", username)
				.param("password", "a long password")
				.param("passwordConfirmation", "a long password"))
			.andReturn()
			.getResponse();
	}

	private String storedCode(String email) {
		return this.jdbc.sql("SELECT code FROM invites WHERE email = ?").param(email).query(String.class).single();
	}

	private void age(String email, Duration age) {
		this.jdbc.sql("UPDATE invites SET created_at = ? WHERE email = ?")
			.params(Timestamp.from(Instant.now().minus(age)), email)
			.update();
	}

	private static String sha256(String value) throws Exception {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
	}

}
