package io.cachet.user.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.authentication.rememberme.JdbcTokenRepositoryImpl;
import org.springframework.security.web.authentication.rememberme.PersistentRememberMeToken;
import org.springframework.security.web.authentication.rememberme.PersistentTokenRepository;

@Configuration(proxyBeanMethods = false)
class RememberMeTokenConfiguration {

	/**
	 * How long a remember-me login lasts unused: the cookie's own lifetime (30 days, set
	 * by the dashboard's remember-me services).
	 */
	static final Duration VALIDITY = Duration.ofDays(30);

	/**
	 * Remember-me logins in {@code persistent_logins} (created by the migrations, never
	 * by the repository): shared by every node, and revoked by deleting their rows.
	 */
	@Bean
	PersistentTokenRepository rememberMeTokens(DataSource dataSource, Clock clock) {
		ExpiringTokenRepository tokens = new ExpiringTokenRepository(clock);
		tokens.setDataSource(dataSource);
		return tokens;
	}

	/**
	 * Forgets the logins unused for longer than their cookie lives each time a new one is
	 * made, so that the table holds only logins that could still be used, without a job
	 * of its own (one indexed-free delete on a small table per "remember me" login).
	 */
	static final class ExpiringTokenRepository extends JdbcTokenRepositoryImpl {

		private final Clock clock;

		ExpiringTokenRepository(Clock clock) {
			this.clock = clock;
		}

		@Override
		public void createNewToken(PersistentRememberMeToken token) {
			getJdbcTemplate().update("DELETE FROM persistent_logins WHERE last_used < ?",
					Timestamp.from(this.clock.instant().minus(VALIDITY)));
			super.createNewToken(token);
		}

	}

}
