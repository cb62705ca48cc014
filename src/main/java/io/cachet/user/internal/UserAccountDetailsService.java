package io.cachet.user.internal;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Finds dashboard accounts by username or e-mail, as Cachet's login form does.
 * Deactivated users are returned disabled, so Spring Security refuses them.
 */
@Service
class UserAccountDetailsService implements UserDetailsService {

	private final UserRepository users;

	UserAccountDetailsService(UserRepository users) {
		this.users = users;
	}

	@Override
	public UserDetails loadUserByUsername(String login) {
		User user = this.users.findByLogin(login.strip())
			.orElseThrow(() -> new UsernameNotFoundException("No user with this username or e-mail"));
		return org.springframework.security.core.userdetails.User.withUsername(user.getUsername())
			.password(user.getPassword())
			.roles(user.getLevel().role())
			.disabled(!user.isActive())
			.build();
	}

}
