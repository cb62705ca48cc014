package io.cachet.user;

import java.io.Serial;
import java.util.List;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * The principal of a dashboard login (form or remember-me): the account as it was when
 * the session was opened, with the security stamp that {@link UserService#isCurrent}
 * compares with the user's current one at every dashboard request. Serializable, as it
 * lives in the session (in Redis in cluster mode).
 */
public final class UserAccount extends User {

	@Serial
	private static final long serialVersionUID = 1L;

	private final long userId;

	private final UserLevel level;

	private final long securityStamp;

	UserAccount(long userId, String username, String passwordHash, UserLevel level, boolean active,
			long securityStamp) {
		super(username, passwordHash, active, true, true, true,
				List.of(new SimpleGrantedAuthority("ROLE_" + level.role())));
		this.userId = userId;
		this.level = level;
		this.securityStamp = securityStamp;
	}

	public long userId() {
		return this.userId;
	}

	public UserLevel level() {
		return this.level;
	}

	public long securityStamp() {
		return this.securityStamp;
	}

	// equals and hashCode stay User's (by username), as Spring Security expects

}
