package io.cachet.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Keeps the session of a user who changed their own password or two-factor setting: the
 * change ended all their sessions and remember-me logins (a thief's among them), and the
 * one that made it is opened again with the new security stamp, under a new session id.
 */
@Component
class SessionRenewal {

	private final UserDetailsService accounts;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	SessionRenewal(UserDetailsService accounts) {
		this.accounts = accounts;
	}

	void renew(HttpServletRequest request, HttpServletResponse response) {
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		if (current == null) {
			return;
		}
		UserDetails account = this.accounts.loadUserByUsername(current.getName());
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities()));
		request.changeSessionId();
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
	}

}
