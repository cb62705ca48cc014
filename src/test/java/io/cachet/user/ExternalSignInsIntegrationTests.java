package io.cachet.user;

import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import io.cachet.CachetIntegrationTest;
import io.cachet.TestUsers;
import io.cachet.user.ExternalSignInRefusedException.Reason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Just-in-time users for sign-ins through an identity provider, on the real schema.
 */
@CachetIntegrationTest
class ExternalSignInsIntegrationTests {

	private static final Optional<UserLevel> USER = Optional.of(UserLevel.USER);

	private static final Optional<UserLevel> ADMIN = Optional.of(UserLevel.ADMIN);

	@Autowired
	ExternalSignIns signIns;

	@Autowired
	UserService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder passwordEncoder;

	private final String unique = UUID.randomUUID().toString().substring(0, 8);

	@Test
	void aFirstSignInCreatesAUserWithoutAPasswordOfTheirOwnLinkedBySubject() {
		var identity = identity("oidc:test", "sub-" + this.unique, "erin" + this.unique,
				"Erin" + this.unique + "@Example.com", true);

		UserAccount account = this.signIns.signIn(identity, ADMIN, false);

		assertThat(account.getUsername()).isEqualTo("erin" + this.unique);
		assertThat(account.level()).isEqualTo(UserLevel.ADMIN);
		UserView user = this.users.findByLogin(account.getUsername()).orElseThrow();
		assertThat(user.email()).isEqualTo("erin" + this.unique + "@example.com");
		assertThat(this.signIns.hasPasswordLogin(user.username())).isFalse();
		assertThat(this.signIns.signInMethods().get(user.id())).containsExactly("oidc:test");
		assertThat(this.jdbc.sql("SELECT subject FROM user_identities WHERE user_id = ?")
			.param(user.id())
			.query(String.class)
			.list()).containsExactly("sub-" + this.unique);
		// the stored hash is of a secret nobody knows: not the empty password, not the
		// name
		String hash = this.jdbc.sql("SELECT password FROM users WHERE id = ?")
			.param(user.id())
			.query(String.class)
			.single();
		assertThat(this.passwordEncoder.matches("", hash)).isFalse();
		assertThat(this.passwordEncoder.matches(user.username(), hash)).isFalse();
	}

	@Test
	void theNextSignInFindsTheSameUserByTheSubjectAndAppliesTheNewRole() {
		var first = identity("oidc:test", "sub-" + this.unique, "frank" + this.unique, null, false);
		UserAccount asUser = this.signIns.signIn(first, USER, false);
		// the provider renamed the person and changed their address: the subject is what
		// counts
		var renamed = identity("oidc:test", "sub-" + this.unique, "francis" + this.unique,
				"francis" + this.unique + "@example.com", true);

		UserAccount asAdmin = this.signIns.signIn(renamed, ADMIN, false);

		assertThat(asAdmin.userId()).isEqualTo(asUser.userId());
		assertThat(asAdmin.getUsername()).isEqualTo(asUser.getUsername());
		assertThat(asAdmin.level()).isEqualTo(UserLevel.ADMIN);
		// a changed role ends the sessions opened with the old one
		assertThat(asAdmin.securityStamp()).isNotEqualTo(asUser.securityStamp());
		assertThat(this.users.isCurrent(asUser)).isFalse();
		assertThat(this.users.isCurrent(asAdmin)).isTrue();
		UserAccount again = this.signIns.signIn(renamed, ADMIN, false);
		assertThat(again.securityStamp()).isEqualTo(asAdmin.securityStamp());
	}

	@Test
	void aPersonInNoMappedGroupIsRefusedAndNothingIsWritten() {
		long before = userCount();
		var identity = identity("oidc:test", "sub-" + this.unique, "gina" + this.unique, null, false);

		assertThatExceptionOfType(ExternalSignInRefusedException.class)
			.isThrownBy(() -> this.signIns.signIn(identity, Optional.empty(), false))
			.satisfies((refused) -> assertThat(refused.reason()).isEqualTo(Reason.NO_ROLE));
		assertThat(userCount()).isEqualTo(before);
		assertThat(this.users.findByLogin("gina" + this.unique)).isEmpty();
	}

	@Test
	void aLinkedPersonWhoLostTheirGroupsIsRefused() {
		var identity = identity("ldap", "uid=hal" + this.unique + ",ou=people", "hal" + this.unique, null, true);
		this.signIns.signIn(identity, USER, false);

		assertThatExceptionOfType(ExternalSignInRefusedException.class)
			.isThrownBy(() -> this.signIns.signIn(identity, Optional.empty(), false))
			.satisfies((refused) -> assertThat(refused.reason()).isEqualTo(Reason.NO_ROLE));
	}

	@Test
	void aDeactivatedUserIsRefusedWhateverTheProviderSays() {
		var identity = identity("oidc:test", "sub-" + this.unique, "ivy" + this.unique, null, false);
		UserAccount account = this.signIns.signIn(identity, USER, false);
		this.users.setActive(account.userId(), false);

		assertThatExceptionOfType(ExternalSignInRefusedException.class)
			.isThrownBy(() -> this.signIns.signIn(identity, ADMIN, false))
			.satisfies((refused) -> assertThat(refused.reason()).isEqualTo(Reason.DEACTIVATED));
	}

	@Test
	void anExistingAccountIsLinkedByEmailOnlyWhenAllowedAndVerified() {
		CreatedUser local = this.users.createUser(TestUsers.user("jane" + this.unique));
		String email = local.user().email();
		var unverified = identity("oidc:test", "sub-" + this.unique, "someone", email.toUpperCase(), false);
		var verified = identity("oidc:test", "sub-" + this.unique, "someone", email, true);

		for (var attempt : new Object[][] { { verified, false }, { unverified, true } }) {
			assertThatExceptionOfType(ExternalSignInRefusedException.class)
				.isThrownBy(() -> this.signIns.signIn((ExternalIdentity) attempt[0], USER, (boolean) attempt[1]))
				.satisfies((refused) -> assertThat(refused.reason()).isEqualTo(Reason.EMAIL_TAKEN));
		}
		assertThat(this.signIns.signInMethods().get(local.user().id())).containsExactly("password");

		UserAccount linked = this.signIns.signIn(verified, ADMIN, true);

		assertThat(linked.userId()).isEqualTo(local.user().id());
		assertThat(linked.level()).isEqualTo(UserLevel.ADMIN);
		assertThat(this.signIns.signInMethods().get(local.user().id())).containsExactly("password", "oidc:test");
		// linked now: the subject finds them even with linking turned off
		assertThat(this.signIns.signIn(unverified, ADMIN, false).userId()).isEqualTo(local.user().id());
	}

	@Test
	void aTakenNameGetsASuffixAndNoNameIsAnotherUsersAddress() {
		CreatedUser kim = this.users.createUser(TestUsers.user("kim" + this.unique));

		UserAccount second = this.signIns
			.signIn(identity("ldap", "uid=kim,ou=a" + this.unique, "Kim" + this.unique, null, true), USER, false);
		UserAccount byAddress = this.signIns
			.signIn(identity("ldap", "uid=kim,ou=b" + this.unique, kim.user().email(), null, true), USER, false);

		assertThat(second.getUsername()).isEqualTo("Kim" + this.unique + "-2");
		assertThat(byAddress.getUsername()).isEqualTo(kim.user().email() + "-2");
		UserView placeholder = this.users.findByLogin(second.getUsername()).orElseThrow();
		assertThat(placeholder.email()).endsWith("@sso.invalid");
	}

	@Test
	void aPreferredNameThatIsNoValidUsernameIsCleanedUp() {
		UserAccount account = this.signIns.signIn(
				identity("oidc:test", "sub-" + this.unique, " Léa\u0000 " + this.unique + " ", null, false), USER,
				false);

		assertThat(account.getUsername()).isEqualTo("La " + this.unique);
	}

	private long userCount() {
		return this.jdbc.sql("SELECT COUNT(*) FROM users").query(Long.class).single();
	}

	private static ExternalIdentity identity(String provider, String subject, String username, String email,
			boolean verified) {
		return new ExternalIdentity(provider, subject, username, email, verified);
	}

}
