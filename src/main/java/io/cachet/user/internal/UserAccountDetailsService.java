package io.cachet.user.internal;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

import io.cachet.user.UserService;

/**
 * Finds dashboard accounts by username or e-mail, as Cachet's login form does.
 * Deactivated users are returned disabled, so Spring Security refuses them.
 */
@Service
class UserAccountDetailsService implements UserDetailsService {

	private final UserService users;

	UserAccountDetailsService(UserService users) {
		this.users = users;
	}

	@Override
	public UserDetails loadUserByUsername(String login) {
		return this.users.findAccount(login)
			.orElseThrow(() -> new UsernameNotFoundException("No user with this username or e-mail"));
	}

}
