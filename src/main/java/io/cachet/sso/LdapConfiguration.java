package io.cachet.sso;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

import io.cachet.user.ExternalSignIns;

/**
 * The directory of the login form, only when {@code cachet.sso.ldap.url} is set: without
 * it nothing of LDAP is created, connected to or checked (Spring Boot's own LDAP
 * auto-configuration, which would, is not on the class path).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(LdapConfiguration.UrlSet.class)
class LdapConfiguration {

	@Bean
	LdapDirectory ldapDirectory(LdapProperties ldap, SsoProperties sso, ExternalSignIns signIns) {
		return new LdapDirectory(ldap, ldap.roles(sso), sso.linkByEmail(), signIns);
	}

	/**
	 * {@code cachet.sso.ldap.url} set and not blank (the placeholder's empty default is
	 * unset).
	 */
	static final class UrlSet implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return StringUtils.hasText(context.getEnvironment().getProperty("cachet.sso.ldap.url"));
		}

	}

}
