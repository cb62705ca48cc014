package io.cachet.user.internal;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.authentication.rememberme.JdbcTokenRepositoryImpl;
import org.springframework.security.web.authentication.rememberme.PersistentTokenRepository;

@Configuration(proxyBeanMethods = false)
class RememberMeTokenConfiguration {

	/**
	 * Remember-me logins in {@code persistent_logins} (created by the migrations, never
	 * by the repository): shared by every node, and revoked by deleting their rows.
	 */
	@Bean
	PersistentTokenRepository rememberMeTokens(DataSource dataSource) {
		JdbcTokenRepositoryImpl tokens = new JdbcTokenRepositoryImpl();
		tokens.setDataSource(dataSource);
		return tokens;
	}

}
