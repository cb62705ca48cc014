package io.cachet.sso;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The sign-in methods, as the dashboard's security filter chain applies them: the login
 * form checks local passwords (under {@link LocalLoginProperties}) and then the directory
 * ({@link DirectoryLogin}), and each {@link SsoLoginContribution} (the OpenID Connect
 * login) adds its own filters.
 */
@Component
public class SsoSecurity {

	private final UserDetailsService accounts;

	private final PasswordEncoder passwordEncoder;

	private final LocalLoginProperties localLogin;

	private final Optional<DirectoryLogin> directory;

	private final List<SsoLoginContribution> contributions;

	private final List<OidcSignInButtons> oidc;

	SsoSecurity(UserDetailsService accounts, PasswordEncoder passwordEncoder, LocalLoginProperties localLogin,
			ObjectProvider<DirectoryLogin> directory, ObjectProvider<SsoLoginContribution> contributions,
			ObjectProvider<OidcSignInButtons> oidc) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.localLogin = localLogin;
		this.directory = Optional.ofNullable(directory.getIfAvailable());
		this.contributions = contributions.orderedStream().toList();
		this.oidc = oidc.orderedStream().toList();
	}

	/**
	 * Makes the chain's login form use the local passwords and the directory, and adds
	 * the OpenID Connect login. The chain's authentication manager is replaced whole (no
	 * parent that would check local passwords past the policy), so it must be given the
	 * chain's other providers too.
	 * @param others the providers of the chain's other filters (remember-me's)
	 */
	public void apply(HttpSecurity http, AuthenticationProvider... others) throws Exception {
		http.authenticationManager(formAuthentication(others));
		for (SsoLoginContribution contribution : this.contributions) {
			contribution.configure(http);
		}
	}

	/**
	 * @return local passwords first (a local account shadows a directory entry of the
	 * same name), then the directory
	 */
	AuthenticationManager formAuthentication(AuthenticationProvider... others) {
		var local = new DaoAuthenticationProvider(this.accounts);
		local.setPasswordEncoder(this.passwordEncoder);
		List<AuthenticationProvider> providers = new ArrayList<>();
		providers.add(new LocalPasswordLogin(local, this.localLogin));
		this.directory.ifPresent(providers::add);
		this.contributions.forEach((contribution) -> providers.addAll(contribution.authenticationProviders()));
		providers.addAll(List.of(others));
		return new ProviderManager(providers);
	}

	/**
	 * @return what the login page offers
	 */
	public SignInOptions signInOptions() {
		List<SignInOptions.SignInButton> buttons = this.oidc.stream()
			.flatMap((source) -> source.buttons().stream())
			.toList();
		boolean breakGlass = this.localLogin.breakGlassAdmin() != null && !this.localLogin.breakGlassAdmin().isBlank();
		boolean form = this.localLogin.enabled() || this.directory.isPresent() || breakGlass;
		boolean folded = !this.localLogin.enabled() && this.directory.isEmpty();
		return new SignInOptions(buttons, form, folded, this.directory.map(DirectoryLogin::displayName).orElse(null),
				this.localLogin.enabled());
	}

	/**
	 * Spring Security's password check, then the local-login policy: with local login off
	 * only the break-glass admin gets through (checked after the password, so the answer
	 * tells nothing to someone who does not know it).
	 */
	private record LocalPasswordLogin(DaoAuthenticationProvider passwords,
			LocalLoginProperties policy) implements AuthenticationProvider {

		@Override
		public Authentication authenticate(Authentication authentication) throws AuthenticationException {
			Authentication result = this.passwords.authenticate(authentication);
			if (result != null && !this.policy.allows(result.getName())) {
				throw new LocalLoginDisabledException();
			}
			return result;
		}

		@Override
		public boolean supports(Class<?> authentication) {
			return this.passwords.supports(authentication);
		}

	}

}
