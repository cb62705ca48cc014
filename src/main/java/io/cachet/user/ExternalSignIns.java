package io.cachet.user;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.rememberme.PersistentTokenRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.cachet.user.ExternalSignInRefusedException.Reason;
import io.cachet.user.internal.User;
import io.cachet.user.internal.UserIdentityRepository;
import io.cachet.user.internal.UserRepository;

/**
 * Sign-ins through an identity provider (OpenID Connect, LDAP / Active Directory): finds
 * the user linked to the provider's subject, or creates one just in time, and gives them
 * the role the provider's groups map to, at every sign-in.
 * <ul>
 * <li>A person is linked by the provider's subject only. An unlinked person whose e-mail
 * address a user has already is linked to that user only when the admin allows it and the
 * provider vouches for the address; otherwise the sign-in is refused, so nobody takes
 * over an account by putting its address in a provider.</li>
 * <li>A deactivated user is refused whatever the provider says.</li>
 * <li>A new user gets a unique username from the provider's preferred one, the provider's
 * address (or a non-deliverable {@code .invalid} one when there is none, or it is taken
 * by a username), an API token, and no password of their own.</li>
 * <li>A changed role renews the user's security stamp, so their other sessions end.</li>
 * </ul>
 */
@Service
public class ExternalSignIns {

	private static final Logger logger = LoggerFactory.getLogger(ExternalSignIns.class);

	private static final int MAX_LENGTH = 255;

	private final UserRepository users;

	private final UserIdentityRepository identities;

	private final PasswordEncoder passwordEncoder;

	private final PersistentTokenRepository rememberMeTokens;

	private final Clock clock;

	ExternalSignIns(UserRepository users, UserIdentityRepository identities, PasswordEncoder passwordEncoder,
			PersistentTokenRepository rememberMeTokens, Clock clock) {
		this.users = users;
		this.identities = identities;
		this.passwordEncoder = passwordEncoder;
		this.rememberMeTokens = rememberMeTokens;
		this.clock = clock;
	}

	/**
	 * Signs in the person the provider vouched for.
	 * @param level the role their groups map to, or empty when none does (refused, unless
	 * they are deactivated, which is said first)
	 * @param linkByVerifiedEmail whether an unlinked person may be linked to the user
	 * with the same, verified e-mail address
	 * @return the account for the session, with the user's current role and stamp
	 * @throws ExternalSignInRefusedException when the person may not sign in
	 */
	@Transactional
	public UserAccount signIn(ExternalIdentity identity, Optional<UserLevel> level, boolean linkByVerifiedEmail) {
		Instant now = now();
		Optional<User> linked = this.identities.findUserId(identity.provider(), identity.subject())
			.flatMap(this.users::findById);
		if (linked.isPresent()) {
			this.identities.touch(identity.provider(), identity.subject(), now);
			return admit(linked.get(), level, identity, now);
		}
		@Nullable String email = normalizedEmail(identity.email());
		Optional<User> sameEmail = (email != null)
				? this.users.findAllByLogin(email).stream().filter((user) -> user.getEmail().equals(email)).findFirst()
				: Optional.empty();
		if (sameEmail.isPresent()) {
			if (!linkByVerifiedEmail || !identity.emailVerified()) {
				logger.info("Refused the first sign-in of {} through {}: user {} has the e-mail address",
						identity.subject(), identity.provider(), sameEmail.get().getUsername());
				throw new ExternalSignInRefusedException(Reason.EMAIL_TAKEN);
			}
			User user = sameEmail.get();
			UserAccount account = admit(user, level, identity, now);
			this.identities.link(id(user), identity.provider(), identity.subject(), now);
			logger.info("Linked {} of {} to user {} by verified e-mail", identity.subject(), identity.provider(),
					user.getUsername());
			return account;
		}
		UserLevel role = level.orElseThrow(() -> new ExternalSignInRefusedException(Reason.NO_ROLE));
		String username = freeUsername(identity.preferredUsername(), email);
		String address = (email != null && this.users.countByUsernameIgnoringCase(email) == 0) ? email
				: placeholderEmail(username);
		String unusablePassword = this.passwordEncoder.encode(ApiTokens.generate());
		User user = this.users.save(User.createExternal(username, address, unusablePassword,
				ApiTokens.digest(ApiTokens.generate()), role, now));
		this.identities.link(id(user), identity.provider(), identity.subject(), now);
		logger.info("Created user {} ({}) at the first sign-in of {} through {}", username, role, identity.subject(),
				identity.provider());
		return account(user);
	}

	/**
	 * @return how each user signs in: {@code password} when they have one of their own,
	 * then the providers they are linked to, by user id
	 */
	@Transactional(readOnly = true)
	public Map<Long, List<String>> signInMethods() {
		Map<Long, List<String>> methods = new LinkedHashMap<>();
		for (User user : this.users.findAll()) {
			List<String> own = new ArrayList<>();
			if (user.hasPasswordLogin()) {
				own.add("password");
			}
			methods.put(id(user), own);
		}
		for (UserIdentityRepository.Link link : this.identities.findAll()) {
			methods.computeIfAbsent(link.userId(), (id) -> new ArrayList<>()).add(link.provider());
		}
		return methods;
	}

	/**
	 * @return whether the user with this username has a password of their own (false for
	 * a user created by a provider, and for an unknown name)
	 */
	@Transactional(readOnly = true)
	public boolean hasPasswordLogin(String username) {
		return this.users.findByLogin(username)
			.filter((user) -> user.getUsername().equals(username))
			.map(User::hasPasswordLogin)
			.orElse(false);
	}

	private UserAccount admit(User user, Optional<UserLevel> level, ExternalIdentity identity, Instant now) {
		if (!user.isActive()) {
			logger.info("Refused the sign-in of deactivated user {} through {}", user.getUsername(),
					identity.provider());
			throw new ExternalSignInRefusedException(Reason.DEACTIVATED);
		}
		UserLevel role = level.orElseThrow(() -> new ExternalSignInRefusedException(Reason.NO_ROLE));
		if (user.getLevel() != role) {
			logger.info("User {} is now {} (groups at {})", user.getUsername(), role, identity.provider());
			user.changeLevel(role, now);
			user = this.users.save(user);
			this.rememberMeTokens.removeUserTokens(user.getUsername());
		}
		return account(user);
	}

	private UserAccount account(User user) {
		return new UserAccount(id(user), user.getUsername(), "", user.getLevel(), user.isActive(),
				user.getSecurityStamp());
	}

	/**
	 * The preferred name made a valid username (printable ASCII, at most 255 characters)
	 * that neither is nor names another user: {@code name}, {@code name-2}, …
	 */
	private String freeUsername(String preferred, @Nullable String email) {
		String base = printable(preferred);
		if (base.isEmpty() && email != null) {
			base = printable(email.substring(0, email.indexOf('@')));
		}
		if (base.isEmpty()) {
			base = "user";
		}
		base = base.substring(0, Math.min(base.length(), MAX_LENGTH - 8));
		String candidate = base;
		for (int suffix = 2; taken(candidate); suffix++) {
			candidate = base + "-" + suffix;
		}
		return candidate;
	}

	private boolean taken(String username) {
		return this.users.countByUsernameIgnoringCase(username) > 0
				|| this.users.existsByEmail(username.toLowerCase(Locale.ROOT));
	}

	private static String printable(String text) {
		return text.codePoints()
			.filter((c) -> c >= ' ' && c <= '~')
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString()
			.strip();
	}

	private static @Nullable String normalizedEmail(@Nullable String email) {
		if (email == null) {
			return null;
		}
		String address = email.strip().toLowerCase(Locale.ROOT);
		int at = address.indexOf('@');
		boolean plausible = at > 0 && at == address.lastIndexOf('@') && at < address.length() - 1
				&& address.length() <= MAX_LENGTH && address.chars().allMatch((c) -> c > ' ' && c <= '~');
		return plausible ? address : null;
	}

	/** An address that can never receive mail (RFC 2606) nor be anyone else's. */
	private String placeholderEmail(String username) {
		String local = username.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
		String address = local + "@sso.invalid";
		for (int suffix = 2; this.users.existsByEmail(address)
				|| this.users.countByUsernameIgnoringCase(address) > 0; suffix++) {
			address = local + "-" + suffix + "@sso.invalid";
		}
		return address;
	}

	private static long id(User user) {
		Long id = user.getId();
		if (id == null) {
			throw new IllegalStateException("The user is not saved");
		}
		return id;
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
