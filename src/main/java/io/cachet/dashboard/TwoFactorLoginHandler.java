package io.cachet.dashboard;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import io.cachet.sso.DirectoryAuthentication;
import io.cachet.sso.LoginFailures;
import io.cachet.user.TwoFactorService;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.RememberMeServices;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * The second step of the login. After a correct password, a user with two-factor
 * authentication is not logged in yet: the authentication waits in the session (and no
 * remember-me cookie is set) until {@code /auth/2fa} checks their TOTP code. Failures of
 * both steps count towards the login throttle. Local TOTP applies to local passwords
 * only: a directory (LDAP) login has no code step, the directory's own MFA being the
 * team's choice.
 */
@Component
class TwoFactorLoginHandler implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

	static final String PENDING = TwoFactorLoginHandler.class.getName() + ".PENDING";

	private final TwoFactorService twoFactor;

	private final RememberMeServices rememberMe;

	private final LoginThrottle throttle;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	private final SavedRequestAwareAuthenticationSuccessHandler dashboard = new SavedRequestAwareAuthenticationSuccessHandler();

	TwoFactorLoginHandler(TwoFactorService twoFactor, RememberMeServices rememberMe, LoginThrottle throttle) {
		this.twoFactor = twoFactor;
		this.rememberMe = rememberMe;
		this.throttle = throttle;
		this.dashboard.setDefaultTargetUrl("/dashboard");
	}

	/**
	 * A password check that the user waits to complete with a code.
	 */
	record PendingLogin(Authentication authentication, boolean rememberMe) implements java.io.Serializable {
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException, jakarta.servlet.ServletException {
		if (DirectoryAuthentication.isDirectory(authentication)
				|| !this.twoFactor.isEnabled(authentication.getName())) {
			recordSuccess(request, authentication.getName());
			this.dashboard.onAuthenticationSuccess(request, response, authentication);
			return;
		}
		// Undo what the login filter did before calling us: the security context in the
		// session and the remember-me cookie.
		this.rememberMe.loginFail(request, response);
		SecurityContextHolder.clearContext();
		this.contexts.saveContext(SecurityContextHolder.createEmptyContext(), request, response);
		boolean remember = "on".equals(request.getParameter(DashboardSecurityConfiguration.REMEMBER_ME_PARAMETER))
				|| "true".equals(request.getParameter(DashboardSecurityConfiguration.REMEMBER_ME_PARAMETER));
		request.getSession().setAttribute(PENDING, new PendingLogin(authentication, remember));
		response.sendRedirect(request.getContextPath() + "/auth/2fa");
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		if (io.cachet.shared.DatabaseOutage.isOutage(exception)) {
			// the password could not be checked: not a failed attempt, and not "wrong"
			response.sendRedirect(request.getContextPath() + "/auth/login?unavailable");
			return;
		}
		String login = (request.getParameter("username") != null) ? request.getParameter("username") : "";
		String sso = LoginFailures.query(exception);
		if (!LoginFailures.isNotAGuess(exception)) {
			this.throttle.recordFailure(login, request.getRemoteAddr());
		}
		if (sso != null) {
			response.sendRedirect(request.getContextPath() + "/auth/login?" + sso);
			return;
		}
		boolean disabled = exception instanceof org.springframework.security.authentication.DisabledException;
		response.sendRedirect(request.getContextPath() + "/auth/login?" + (disabled ? "disabled" : "error"));
	}

	static @Nullable PendingLogin pending(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return (session != null && session.getAttribute(PENDING) instanceof PendingLogin pending) ? pending : null;
	}

	/**
	 * Checks the code of a pending login.
	 * @return whether the user is now logged in
	 */
	boolean completeWithCode(HttpServletRequest request, HttpServletResponse response, String code) {
		PendingLogin pending = pending(request);
		if (pending == null) {
			return false;
		}
		String username = pending.authentication().getName();
		if (this.throttle.isBlocked(username, request.getRemoteAddr()) || !this.twoFactor.verify(username, code)) {
			this.throttle.recordFailure(username, request.getRemoteAddr());
			return false;
		}
		recordSuccess(request, username);
		request.getSession().removeAttribute(PENDING);
		request.changeSessionId();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(pending.authentication());
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
		if (pending.rememberMe()) {
			this.rememberMe.loginSuccess(new RememberMeRequest(request), response, pending.authentication());
		}
		return true;
	}

	/**
	 * Clears the failures of the name the user typed (a username or an e-mail address)
	 * and of their username, from this address.
	 */
	private void recordSuccess(HttpServletRequest request, String username) {
		String typed = request.getParameter("username");
		if (typed != null) {
			this.throttle.recordSuccess(typed, request.getRemoteAddr());
		}
		this.throttle.recordSuccess(username, request.getRemoteAddr());
	}

	boolean isThrottled(HttpServletRequest request) {
		PendingLogin pending = pending(request);
		return pending != null && this.throttle.isBlocked(pending.authentication().getName(), request.getRemoteAddr());
	}

	/**
	 * The code form's request, seen by the remember-me service as a login that asked to
	 * be remembered.
	 */
	private static final class RememberMeRequest extends jakarta.servlet.http.HttpServletRequestWrapper {

		RememberMeRequest(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getParameter(String name) {
			return DashboardSecurityConfiguration.REMEMBER_ME_PARAMETER.equals(name) ? "true"
					: super.getParameter(name);
		}

	}

}
