package io.cachet.user;

import jakarta.validation.ConstraintViolationException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

import io.cachet.CachetIntegrationTest;
import io.cachet.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@CachetIntegrationTest
class UserServiceIntegrationTests {

	@Autowired
	UserService userService;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	UserDetailsService userDetailsService;

	@Test
	void storesBcryptHashAndTokenDigestOnly() {
		CreatedUser created = this.userService.createUser(TestUsers.admin("alice"));

		var row = this.jdbc.sql("SELECT password, api_key_hash, email, level, active FROM users WHERE id = ?")
			.param(created.user().id())
			.query()
			.singleRow();
		assertThat((String) row.get("password")).startsWith("$2").isNotEqualTo("correct horse battery");
		assertThat(this.passwordEncoder.matches("correct horse battery", (String) row.get("password"))).isTrue();
		assertThat((String) row.get("api_key_hash")).hasSize(64).doesNotContain(created.apiToken());
		assertThat(created.apiToken()).hasSize(40).matches("[A-Za-z0-9]+");
		assertThat(((Number) row.get("level")).intValue()).isEqualTo(1);
		assertThat(created.user().level()).isEqualTo(UserLevel.ADMIN);
		assertThat(created.user().active()).isTrue();
		assertThat(created.toString()).doesNotContain(created.apiToken());
	}

	@Test
	void authenticatesByTokenAndNothingElse() {
		CreatedUser created = this.userService.createUser(TestUsers.user("bob"));

		assertThat(this.userService.authenticateApiToken(created.apiToken()))
			.contains(new AuthenticatedUser(created.user().id(), "bob", UserLevel.USER));
		assertThat(this.userService.authenticateApiToken(created.apiToken().substring(1))).isEmpty();
		assertThat(this.userService.authenticateApiToken(created.apiToken().toLowerCase())).isEmpty();
		assertThat(this.userService.authenticateApiToken("")).isEmpty();
		assertThat(this.userService.authenticateApiToken("x".repeat(10_000))).isEmpty();
	}

	@Test
	void deactivatedUsersTokenNoLongerAuthenticates() {
		CreatedUser created = this.userService.createUser(TestUsers.user("carol"));
		this.jdbc.sql("UPDATE users SET active = FALSE WHERE id = ?").param(created.user().id()).update();

		assertThat(this.userService.authenticateApiToken(created.apiToken())).isEmpty();
		assertThat(this.userDetailsService.loadUserByUsername("carol").isEnabled()).isFalse();
	}

	@Test
	void acceptsAGivenToken() {
		var command = new CreateUser("dave", "dave@example.com", "correct horse battery", UserLevel.USER,
				"given-token-of-twenty-plus-characters");

		CreatedUser created = this.userService.createUser(command);

		assertThat(created.apiToken()).isEqualTo("given-token-of-twenty-plus-characters");
		assertThat(this.userService.authenticateApiToken("given-token-of-twenty-plus-characters")).isPresent();
	}

	@Test
	void refusesDuplicateUsernameIgnoringCase() {
		this.userService.createUser(TestUsers.user("erin"));

		assertThatExceptionOfType(DuplicateUserException.class)
			.isThrownBy(() -> this.userService
				.createUser(new CreateUser("ERIN", "other@example.com", "correct horse battery", UserLevel.USER, null)))
			.withMessageContaining("username");
	}

	@Test
	void refusesDuplicateEmailIgnoringCase() {
		this.userService.createUser(TestUsers.user("frank"));

		assertThatExceptionOfType(DuplicateUserException.class)
			.isThrownBy(() -> this.userService.createUser(
					new CreateUser("frank2", "FRANK@Example.com", "correct horse battery", UserLevel.USER, null)))
			.withMessageContaining("email");
	}

	@Test
	void refusesDuplicateToken() {
		String token = "shared-token-0123456789-abcdef";
		this.userService
			.createUser(new CreateUser("gina", "gina@example.com", "correct horse battery", UserLevel.USER, token));

		assertThatExceptionOfType(DuplicateUserException.class).isThrownBy(() -> this.userService
			.createUser(new CreateUser("hank", "hank@example.com", "correct horse battery", UserLevel.USER, token)));
	}

	@Test
	void refusesInvalidCommandsWithoutWritingAnything() {
		long before = this.jdbc.sql("SELECT COUNT(*) FROM users").query(Long.class).single();

		assertThatExceptionOfType(ConstraintViolationException.class).isThrownBy(() -> this.userService
			.createUser(new CreateUser("ivan", "not-an-email", "correct horse battery", UserLevel.USER, null)));
		assertThatExceptionOfType(ConstraintViolationException.class).isThrownBy(() -> this.userService
			.createUser(new CreateUser("ivan", "ivan@example.com", "short", UserLevel.USER, null)));
		assertThatExceptionOfType(ConstraintViolationException.class).isThrownBy(() -> this.userService
			.createUser(new CreateUser("ivan", "ivan@example.com", "correct horse battery", UserLevel.USER, "short")));
		assertThatExceptionOfType(ConstraintViolationException.class).isThrownBy(() -> this.userService.createUser(
				new CreateUser("iv\u00e1n\n", "ivan@example.com", "correct horse battery", UserLevel.USER, null)));

		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM users").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void loginFindsUsersByUsernameOrEmail() {
		this.userService.createUser(TestUsers.admin("Judy"));

		UserDetails byName = this.userDetailsService.loadUserByUsername("judy");
		UserDetails byEmail = this.userDetailsService.loadUserByUsername("JUDY@example.com");

		assertThat(byName.getUsername()).isEqualTo("Judy");
		assertThat(byEmail.getUsername()).isEqualTo("Judy");
		assertThat(byName.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_ADMIN");
		assertThatExceptionOfType(UsernameNotFoundException.class)
			.isThrownBy(() -> this.userDetailsService.loadUserByUsername("nobody"));
	}

}
