package io.cachet.user;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

import jakarta.validation.Valid;

import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.rememberme.PersistentTokenRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import io.cachet.backup.BackupImported;
import io.cachet.user.internal.InviteRepository;
import io.cachet.user.internal.User;
import io.cachet.user.internal.UserRepository;

/**
 * Users and API tokens. Whatever changes what a user may do (password, role, two-factor
 * authentication, username, deactivation, a backup import) renews the user's security
 * stamp and deletes their remember-me logins in the same transaction, which ends every
 * session they have, on every node (see {@link #isCurrent}).
 */
@Service
@Validated
public class UserService {

	private static final int MAX_TOKEN_LENGTH = 255;

	private final UserRepository users;

	private final PasswordEncoder passwordEncoder;

	private final InviteRepository invites;

	private final PersistentTokenRepository rememberMeTokens;

	private final Clock clock;

	UserService(UserRepository users, InviteRepository invites, PasswordEncoder passwordEncoder,
			PersistentTokenRepository rememberMeTokens, Clock clock) {
		this.users = users;
		this.invites = invites;
		this.passwordEncoder = passwordEncoder;
		this.rememberMeTokens = rememberMeTokens;
		this.clock = clock;
	}

	/**
	 * Invites someone to join the team.
	 * @return the invite's secret code, for the sign-up link
	 * @throws DuplicateUserException when a user has this e-mail address already
	 */
	@Transactional
	public String invite(String email, UserLevel level) {
		String address = email.strip().toLowerCase(Locale.ROOT);
		if (this.users.existsByEmail(address)) {
			throw DuplicateUserException.forEmail(address);
		}
		if (this.users.countByUsernameIgnoringCase(address) > 0) {
			throw DuplicateUserException.forEmailIsUsername(address);
		}
		String code = ApiTokens.generate();
		// only the digest is stored, as for API tokens
		this.invites.insert(ApiTokens.digest(code), address, level, now());
		return code;
	}

	/**
	 * @return the e-mail address an unclaimed, unexpired invite was sent to
	 */
	@Transactional(readOnly = true)
	public Optional<String> findOpenInvite(String code) {
		return findInvite(code).filter(InviteRepository.Invite::isOpen).map(InviteRepository.Invite::email);
	}

	/**
	 * @return whether the code can be used to sign up, and why not
	 */
	@Transactional(readOnly = true)
	public InviteState inviteState(String code) {
		return findInvite(code).map((invite) -> invite.claimed() ? InviteState.USED
				: invite.expired() ? InviteState.EXPIRED : InviteState.OPEN)
			.orElse(InviteState.UNKNOWN);
	}

	private Optional<InviteRepository.Invite> findInvite(String code) {
		return (code.isEmpty() || code.length() > 64) ? Optional.empty()
				: this.invites.find(ApiTokens.digest(code), now());
	}

	/**
	 * Creates the invited user, with the invite's address and level, and uses up the
	 * invite.
	 * @return the new user, or empty when the invite is unknown, expired or claimed
	 * already
	 * @throws DuplicateUserException when the username is taken
	 */
	@Transactional
	public Optional<UserView> claimInvite(String code, String username, String password) {
		var invite = findInvite(code).filter(InviteRepository.Invite::isOpen);
		if (invite.isEmpty() || !this.invites.claim(ApiTokens.digest(code), now())) {
			return Optional.empty();
		}
		return Optional
			.of(createUser(new CreateUser(username, invite.get().email(), password, invite.get().level(), null))
				.user());
	}

	/**
	 * Creates a user with a BCrypt-hashed password and an API token (the given one, or a
	 * new one).
	 * @return the user and its API token, which cannot be read back later
	 * @throws DuplicateUserException if the username (ignoring case), e-mail or token is
	 * taken, or the username is another user's e-mail address or the other way round
	 */
	@Transactional
	public CreatedUser createUser(@Valid CreateUser command) {
		String username = command.username().strip();
		String email = command.email().strip().toLowerCase(Locale.ROOT);
		String token = (command.apiToken() != null) ? command.apiToken() : ApiTokens.generate();
		String tokenDigest = ApiTokens.digest(token);
		if (this.users.countByUsernameIgnoringCase(username) > 0) {
			throw DuplicateUserException.forUsername(username);
		}
		if (this.users.existsByEmail(email)) {
			throw DuplicateUserException.forEmail(email);
		}
		checkLoginsApart(username, email, -1);
		if (this.users.existsByApiKeyHash(tokenDigest)) {
			throw DuplicateUserException.forApiToken();
		}
		User user = User.create(username, email, this.passwordEncoder.encode(command.password()), tokenDigest,
				command.level(), now());
		return new CreatedUser(this.users.save(user).toView(), token);
	}

	/**
	 * Resolves an API token (the {@code X-Cachet-Token} header) to its user.
	 * @return the active user owning the token, or empty for an unknown token or a
	 * deactivated user
	 */
	@Transactional(readOnly = true)
	public Optional<AuthenticatedUser> authenticateApiToken(String token) {
		if (token.isBlank() || token.length() > MAX_TOKEN_LENGTH) {
			return Optional.empty();
		}
		String digest = ApiTokens.digest(token);
		return this.users.findByApiKeyHash(digest)
			.filter((user) -> ApiTokens.digestsEqual(user.getApiKeyHash(), digest))
			.filter(User::isActive)
			.map((user) -> new AuthenticatedUser(user.toView().id(), user.getUsername(), user.getLevel()));
	}

	/**
	 * @return whether at least one user exists (the setup has been done)
	 */
	@Transactional(readOnly = true)
	public boolean hasUsers() {
		return this.users.count() > 0;
	}

	/**
	 * @return the user with this username (ignoring case) or e-mail address; when old
	 * data has one user's username as another's e-mail, the username wins
	 */
	@Transactional(readOnly = true)
	public Optional<UserView> findByLogin(String login) {
		return this.users.findByLogin(login.strip()).map(User::toView);
	}

	/**
	 * @return the account a dashboard login with this username or e-mail opens, with the
	 * user's current security stamp (disabled when the user is deactivated)
	 */
	@Transactional(readOnly = true)
	public Optional<UserAccount> findAccount(String login) {
		return this.users.findByLogin(login.strip())
			.map((user) -> new UserAccount(user.toView().id(), user.getUsername(), user.getPassword(), user.getLevel(),
					user.isActive(), user.getSecurityStamp()));
	}

	/**
	 * Whether a session opened for this account may go on: the user still exists, is
	 * active, has the same level and the same security stamp. One lookup by primary key.
	 */
	@Transactional(readOnly = true)
	public boolean isCurrent(UserAccount account) {
		return this.users.findById(account.userId())
			.filter(User::isActive)
			.filter((user) -> user.getLevel() == account.level())
			.filter((user) -> user.getSecurityStamp() == account.securityStamp())
			.filter((user) -> user.getUsername().equals(account.getUsername()))
			.isPresent();
	}

	/**
	 * Ends every session and remember-me login of the user with this username (nothing
	 * when there is none): for a stolen remember-me cookie, or a user deleted by other
	 * means.
	 */
	@Transactional
	public void endSessions(String username) {
		this.users.findByLogin(username).filter((user) -> user.getUsername().equals(username)).ifPresent((user) -> {
			user.renewSecurityStamp();
			this.users.save(user);
		});
		this.rememberMeTokens.removeUserTokens(username);
	}

	/**
	 * Ends every session and remember-me login of every user: the users and the logins of
	 * this install were replaced by the backup's.
	 */
	@EventListener(BackupImported.class)
	@Transactional
	public void endAllSessions() {
		for (User user : this.users.findAll()) {
			user.renewSecurityStamp();
			this.users.save(user);
			this.rememberMeTokens.removeUserTokens(user.getUsername());
		}
	}

	/**
	 * @return every user, by username
	 */
	@Transactional(readOnly = true)
	public java.util.List<UserView> findAll() {
		return this.users.findAll()
			.stream()
			.map(User::toView)
			.sorted(java.util.Comparator.comparing(UserView::username, String.CASE_INSENSITIVE_ORDER))
			.toList();
	}

	/**
	 * Changes a password after checking the current one.
	 * @return whether the current password was right (nothing changes when it was not)
	 */
	@Transactional
	public boolean changePassword(long userId, String currentPassword,
			@jakarta.validation.constraints.Size(min = 8, max = 72) String newPassword) {
		User user = this.users.findById(userId).orElseThrow(() -> UserNotFoundException.forId(userId));
		if (!this.passwordEncoder.matches(currentPassword, user.getPassword())) {
			return false;
		}
		user.changePassword(this.passwordEncoder.encode(newPassword), now());
		this.users.save(user);
		this.rememberMeTokens.removeUserTokens(user.getUsername());
		return true;
	}

	/**
	 * Replaces a user's API token: the old one stops working at once.
	 * @return the new token, shown once
	 */
	@Transactional
	public String regenerateApiToken(long userId) {
		User user = this.users.findById(userId).orElseThrow(() -> UserNotFoundException.forId(userId));
		String token = ApiTokens.generate();
		user.changeApiKeyHash(ApiTokens.digest(token), now());
		this.users.save(user);
		return token;
	}

	/**
	 * Changes a user's username and e-mail address.
	 * @throws DuplicateUserException when another user has either
	 */
	@Transactional
	public UserView changeProfile(long userId, String username, String email) {
		User user = this.users.findById(userId).orElseThrow(() -> UserNotFoundException.forId(userId));
		String newUsername = username.strip();
		String newEmail = email.strip().toLowerCase(Locale.ROOT);
		if (!newUsername.equalsIgnoreCase(user.getUsername())
				&& this.users.countByUsernameIgnoringCase(newUsername) > 0) {
			throw DuplicateUserException.forUsername(newUsername);
		}
		if (!newEmail.equals(user.getEmail()) && this.users.existsByEmail(newEmail)) {
			throw DuplicateUserException.forEmail(newEmail);
		}
		checkLoginsApart(newUsername, newEmail, userId);
		String oldUsername = user.getUsername();
		user.rename(newUsername, newEmail, now());
		UserView changed = this.users.save(user).toView();
		if (!oldUsername.equals(newUsername)) {
			this.rememberMeTokens.removeUserTokens(oldUsername);
		}
		return changed;
	}

	@Transactional
	public void changeLevel(long userId, UserLevel level) {
		User user = this.users.findById(userId).orElseThrow(() -> UserNotFoundException.forId(userId));
		boolean changed = user.getLevel() != level;
		user.changeLevel(level, now());
		this.users.save(user);
		if (changed) {
			this.rememberMeTokens.removeUserTokens(user.getUsername());
		}
	}

	/**
	 * Deactivates or reactivates a user: a deactivated user can neither log in nor use
	 * the API.
	 */
	@Transactional
	public void setActive(long userId, boolean active) {
		User user = this.users.findById(userId).orElseThrow(() -> UserNotFoundException.forId(userId));
		if (active) {
			user.activate(now());
		}
		else {
			user.deactivate(now());
		}
		this.users.save(user);
		if (!active) {
			this.rememberMeTokens.removeUserTokens(user.getUsername());
		}
	}

	/**
	 * A login names one user only: no username may be another user's e-mail address, and
	 * no e-mail address another user's username (ignoring case, as the login does).
	 * @param selfId the user being changed, or -1 for a new one
	 */
	private void checkLoginsApart(String username, String email, long selfId) {
		if (this.users.countOtherUsersByEmail(username.toLowerCase(Locale.ROOT), selfId) > 0) {
			throw DuplicateUserException.forUsernameIsEmail(username);
		}
		if (this.users.countOtherUsersByUsernameIgnoringCase(email, selfId) > 0) {
			throw DuplicateUserException.forEmailIsUsername(email);
		}
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
