package io.cachet.sso;

import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.naming.InvalidNameException;
import javax.naming.directory.DirContext;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.ldap.core.DirContextAdapter;
import org.springframework.ldap.core.DirContextOperations;
import org.springframework.ldap.core.support.DefaultTlsDirContextAuthenticationStrategy;
import org.springframework.ldap.support.LdapUtils;
import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.ldap.DefaultSpringSecurityContextSource;
import org.springframework.security.ldap.authentication.AbstractLdapAuthenticationProvider;
import org.springframework.security.ldap.authentication.BindAuthenticator;
import org.springframework.security.ldap.authentication.LdapAuthenticationProvider;
import org.springframework.security.ldap.authentication.ad.ActiveDirectoryLdapAuthenticationProvider;
import org.springframework.security.ldap.search.FilterBasedLdapUserSearch;
import org.springframework.security.ldap.userdetails.DefaultLdapAuthoritiesPopulator;
import org.springframework.security.ldap.userdetails.UserDetailsContextMapper;

import io.cachet.user.ExternalIdentity;
import io.cachet.user.ExternalSignInRefusedException;
import io.cachet.user.ExternalSignIns;
import io.cachet.user.UserAccount;

/**
 * The LDAP / Active Directory directory of the login form, on Spring Security's
 * {@link LdapAuthenticationProvider} (bind as the person's entry, found by DN pattern or
 * by a search, then a group search) or {@link ActiveDirectoryLdapAuthenticationProvider}
 * (bind by user principal name, groups from {@code memberOf}).
 * <p>
 * Decisions:
 * <ul>
 * <li><b>Timeouts.</b> Every connection has JNDI's connect and read timeouts
 * ({@code com.sun.jndi.ldap.connect.timeout}, {@code com.sun.jndi.ldap.read.timeout}), 5
 * seconds each by default: without them JNDI waits for as long as the operating system
 * does, and a directory that accepts connections but does not answer would hang the login
 * form's request thread. A directory that cannot be reached, or fails otherwise, is said
 * so on the login page ({@link ProviderUnavailableException}), not taken for a wrong
 * password, and is not counted by the login throttle.</li>
 * <li><b>The entry's DN is the subject</b> that links a person to their user here: every
 * directory has it, it is unique, and the bind proves the person owns it; it is
 * normalized (attribute types and values in lower case, as directories compare them), so
 * a differently written DN is the same person. A renamed or moved entry is a new person,
 * which an admin may link by e-mail ({@code cachet.sso.link-by-email}).</li>
 * <li><b>No connection pool</b>: a login opens its connections and closes them, so a
 * restarted directory or a changed certificate is used at once, and nothing stale
 * outlives a failure; sign-ins are rare enough.</li>
 * <li><b>No remember-me, no local TOTP</b>: see {@link DirectoryAuthentication}.</li>
 * </ul>
 */
final class LdapDirectory implements DirectoryLogin {

	private static final Logger logger = LoggerFactory.getLogger(LdapDirectory.class);

	static final String PROVIDER = "ldap";

	private final LdapProperties properties;

	private final DefaultSpringSecurityContextSource contextSource;

	private final AbstractLdapAuthenticationProvider provider;

	LdapDirectory(LdapProperties properties, RoleMapping roles, boolean linkByEmail, ExternalSignIns signIns) {
		List<String> problems = properties.problems();
		if (!problems.isEmpty()) {
			throw new IllegalStateException("The LDAP directory settings are wrong: " + String.join("; ", problems));
		}
		this.properties = properties;
		Map<String, Object> environment = environment(properties);
		this.contextSource = contextSource(properties, environment);
		UserDetailsContextMapper mapper = new SignInMapper(properties, roles, linkByEmail, signIns);
		this.provider = properties.activeDirectory() ? activeDirectory(properties, environment, mapper)
				: bindAndSearch(properties, this.contextSource, mapper);
	}

	@Override
	public String displayName() {
		return this.properties.displayName().isBlank() ? "Directory" : this.properties.displayName().strip();
	}

	LdapProperties properties() {
		return this.properties;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		Authentication checked;
		try {
			checked = this.provider.authenticate(authentication);
		}
		catch (BadCredentialsException | UsernameNotFoundException | AccountStatusException | NotRecorded ex) {
			// a wrong password, an unknown name, a locked entry, refused here, or the
			// database (said as for a local login)
			throw ex;
		}
		catch (org.springframework.dao.IncorrectResultSizeDataAccessException ex) {
			// the search filter matches several entries: which one is the person's is not
			// known, so nobody signs in with that name
			logger.warn("The directory's user search finds {} entries for {}: refused", ex.getActualSize(),
					authentication.getName());
			throw new BadCredentialsException("Several directory entries have this name", ex);
		}
		catch (RuntimeException ex) {
			// cannot connect, a timeout, TLS, the manager's bind, …: a problem of the
			// directory or its settings, not the person's, and never a 500
			logger.warn("The directory {} could not check the sign-in of {}: {}", this.properties.url(),
					authentication.getName(), rootMessage(ex));
			throw new ProviderUnavailableException(PROVIDER, displayName() + " cannot be reached", ex);
		}
		if (checked == null || !(checked.getPrincipal() instanceof UserAccount account)) {
			throw new InternalAuthenticationServiceException("The directory sign-in gave no account");
		}
		List<GrantedAuthority> authorities = new ArrayList<>(account.getAuthorities());
		checked.getAuthorities().stream().filter(FactorGrantedAuthority.class::isInstance).forEach(authorities::add);
		DirectoryAuthentication result = new DirectoryAuthentication(account, authorities);
		result.setDetails(authentication.getDetails());
		return result;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	/**
	 * Connects and binds with the manager DN (or anonymously) and reads the entry the
	 * user search starts at: what the settings page's "Test connection" does.
	 */
	SignInSettings.DirectoryCheck check() {
		String where = LdapProperties.has(this.properties.userSearchBase()) ? this.properties.userSearchBase().strip()
				: "";
		String who = this.properties.hasManager() ? "as " + this.properties.managerDn().strip() : "anonymously";
		long started = System.nanoTime();
		DirContext context = null;
		try {
			context = this.contextSource.getReadOnlyContext();
			context.getAttributes(LdapUtils.newLdapName(where), new String[] { "objectClass" });
			long millis = (System.nanoTime() - started) / 1_000_000;
			String entry = where.isEmpty() ? describeBase()
					: where + (this.properties.base().isBlank() ? "" : "," + this.properties.base().strip());
			return new SignInSettings.DirectoryCheck(true, "Connected to " + this.properties.url() + " " + tls()
					+ ", bound " + who + " and read " + entry + " in " + millis + " ms.");
		}
		catch (RuntimeException | javax.naming.NamingException ex) {
			logger.info("The test of the directory {} failed: {}", this.properties.url(), rootMessage(ex));
			return new SignInSettings.DirectoryCheck(false,
					"The test failed (binding " + who + "): " + rootMessage(ex));
		}
		finally {
			LdapUtils.closeContext(context);
		}
	}

	private String describeBase() {
		return this.properties.base().isBlank() ? "the root entry" : this.properties.base().strip();
	}

	String tls() {
		if (this.properties.ldaps()) {
			return "over TLS (ldaps)";
		}
		return this.properties.startTls() ? "with StartTLS" : "without TLS";
	}

	/**
	 * @return JNDI's settings for every connection: the timeouts, and the socket factory
	 * that trusts the configured certificate for ldaps://
	 */
	private static Map<String, Object> environment(LdapProperties properties) {
		Map<String, Object> environment = new HashMap<>();
		environment.put("com.sun.jndi.ldap.connect.timeout", String.valueOf(properties.connectTimeout().toMillis()));
		environment.put("com.sun.jndi.ldap.read.timeout", String.valueOf(properties.readTimeout().toMillis()));
		if (properties.ldaps() && LdapProperties.has(properties.trustCertificate())) {
			LdapsSocketFactory.trust(LdapTrust.certificates(properties.trustCertificate()));
			environment.put("java.naming.ldap.factory.socket", LdapsSocketFactory.class.getName());
		}
		return environment;
	}

	private static DefaultSpringSecurityContextSource contextSource(LdapProperties properties,
			Map<String, Object> environment) {
		String url = properties.url().strip();
		String base = properties.base().strip();
		if (properties.activeDirectory() && base.isEmpty()) {
			base = rootDn(properties.activeDirectoryDomain());
		}
		var source = new DefaultSpringSecurityContextSource(List.of(url), base);
		if (properties.hasManager()) {
			source.setUserDn(properties.managerDn().strip());
			source.setPassword((properties.managerPassword() != null) ? properties.managerPassword() : "");
		}
		source.setPooled(false);
		source.setBaseEnvironmentProperties(environment);
		if (properties.startTls()) {
			var startTls = new DefaultTlsDirContextAuthenticationStrategy();
			if (LdapProperties.has(properties.trustCertificate())) {
				List<Certificate> trusted = LdapTrust.certificates(properties.trustCertificate());
				startTls.setSslSocketFactory(LdapTrust.socketFactory(trusted));
			}
			source.setAuthenticationStrategy(startTls);
		}
		source.afterPropertiesSet();
		if (properties.startTls()) {
			// an anonymous search goes through StartTLS too (an anonymous simple bind)
			source.setAnonymousReadOnly(false);
		}
		return source;
	}

	private static LdapAuthenticationProvider bindAndSearch(LdapProperties properties,
			DefaultSpringSecurityContextSource source, UserDetailsContextMapper mapper) {
		var authenticator = new BindAuthenticator(source);
		if (LdapProperties.has(properties.userDnPattern())) {
			authenticator.setUserDnPatterns(new String[] { properties.userDnPattern().strip() });
		}
		if (LdapProperties.has(properties.userSearchFilter())) {
			String searchBase = LdapProperties.has(properties.userSearchBase()) ? properties.userSearchBase().strip()
					: "";
			var search = new FilterBasedLdapUserSearch(searchBase, properties.userSearchFilter().strip(), source);
			search.setSearchTimeLimit((int) Math.min(Integer.MAX_VALUE, properties.readTimeout().toMillis()));
			authenticator.setUserSearch(search);
		}
		authenticator.afterPropertiesSet();
		var groups = new DefaultLdapAuthoritiesPopulator(source, properties.groupSearchBase().strip());
		groups.setGroupSearchFilter(properties.groupSearchFilter().strip());
		groups.setGroupRoleAttribute(properties.groupRoleAttribute().strip());
		// the group names as they are: RoleMapping compares them
		groups.setRolePrefix("");
		groups.setConvertToUpperCase(false);
		groups.setSearchSubtree(true);
		groups.setIgnorePartialResultException(true);
		var provider = new LdapAuthenticationProvider(authenticator, groups);
		provider.setUserDetailsContextMapper(mapper);
		return provider;
	}

	private static ActiveDirectoryLdapAuthenticationProvider activeDirectory(LdapProperties properties,
			Map<String, Object> environment, UserDetailsContextMapper mapper) {
		String base = properties.base().isBlank() ? null : properties.base().strip();
		var provider = new ActiveDirectoryLdapAuthenticationProvider(properties.activeDirectoryDomain().strip(),
				properties.url().strip(), base);
		provider.setContextEnvironmentProperties(environment);
		provider.setConvertSubErrorCodesToExceptions(true);
		if (LdapProperties.has(properties.userSearchFilter())) {
			provider.setSearchFilter(properties.userSearchFilter().strip());
		}
		provider.setUserDetailsContextMapper(mapper);
		return provider;
	}

	private static String rootDn(String domain) {
		StringBuilder root = new StringBuilder();
		for (String part : domain.strip().toLowerCase(Locale.ROOT).split("\\.")) {
			if (!part.isEmpty()) {
				root.append((root.length() > 0) ? "," : "").append("dc=").append(part);
			}
		}
		return root.toString();
	}

	static String rootMessage(Throwable failure) {
		Throwable cause = failure;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		String message = cause.getMessage();
		return (message == null || message.isBlank()) ? cause.getClass().getSimpleName() : message;
	}

	/**
	 * @return the DN with its attribute types and values in lower case and its special
	 * characters escaped the one way, so that two spellings of an entry's DN are equal
	 */
	static String normalizedDn(String dn) {
		try {
			List<Rdn> rdns = new LdapName(dn).getRdns();
			List<String> parts = new ArrayList<>();
			for (int i = rdns.size() - 1; i >= 0; i--) {
				Rdn rdn = rdns.get(i);
				parts.add((rdn.size() == 1)
						? rdn.getType().toLowerCase(Locale.ROOT) + "="
								+ Rdn.escapeValue(rdn.getValue()).toLowerCase(Locale.ROOT)
						: rdn.toString().toLowerCase(Locale.ROOT));
			}
			return String.join(",", parts);
		}
		catch (InvalidNameException ex) {
			return dn.strip().toLowerCase(Locale.ROOT);
		}
	}

	/**
	 * From the directory's entry and groups to the Cachet user, at each sign-in.
	 */
	private static final class SignInMapper implements UserDetailsContextMapper {

		private final LdapProperties properties;

		private final RoleMapping roles;

		private final boolean linkByEmail;

		private final ExternalSignIns signIns;

		SignInMapper(LdapProperties properties, RoleMapping roles, boolean linkByEmail, ExternalSignIns signIns) {
			this.properties = properties;
			this.roles = roles;
			this.linkByEmail = linkByEmail;
			this.signIns = signIns;
		}

		@Override
		public UserDetails mapUserFromContext(DirContextOperations entry, String username,
				Collection<? extends GrantedAuthority> authorities) {
			List<String> groups = authorities.stream()
				.filter((authority) -> !(authority instanceof FactorGrantedAuthority))
				.map(GrantedAuthority::getAuthority)
				.filter((name) -> name != null)
				.toList();
			String name = attribute(entry, this.properties.usernameAttribute());
			if (name == null) {
				name = this.properties.activeDirectory() && username.contains("@")
						? username.substring(0, username.indexOf('@')) : username;
			}
			var identity = new ExternalIdentity(PROVIDER, normalizedDn(entry.getNameInNamespace()), name,
					attribute(entry, this.properties.emailAttribute()), true);
			try {
				return this.signIns.signIn(identity, this.roles.levelFor(groups), this.linkByEmail);
			}
			catch (ExternalSignInRefusedException ex) {
				throw new SignInRefusedException(ex);
			}
			catch (RuntimeException ex) {
				// the database: said as for a local login, not as the directory's failure
				throw new NotRecorded(ex);
			}
		}

		private static @Nullable String attribute(DirContextOperations entry, String attribute) {
			if (attribute.isBlank()) {
				return null;
			}
			String value = entry.getStringAttribute(attribute.strip());
			return (value == null || value.isBlank()) ? null : value.strip();
		}

		@Override
		public void mapUserToContext(UserDetails user, DirContextAdapter ctx) {
			throw new UnsupportedOperationException("Cachet does not write to the directory");
		}

	}

	/**
	 * The directory vouched for the person, and their sign-in could not be recorded here
	 * (the database).
	 */
	private static final class NotRecorded extends InternalAuthenticationServiceException {

		NotRecorded(RuntimeException cause) {
			super("Cannot record the directory sign-in", cause);
		}

	}

}
