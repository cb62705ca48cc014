package io.cachet.user.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The links between users and the identity providers they sign in with
 * ({@code user_identities}): one row per provider and subject.
 */
@Repository
public class UserIdentityRepository {

	private final JdbcClient jdbc;

	UserIdentityRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return the user linked to this subject of this provider
	 */
	public Optional<Long> findUserId(String provider, String subject) {
		return this.jdbc.sql("SELECT user_id FROM user_identities WHERE provider = ? AND subject = ?")
			.params(provider, subject)
			.query(Long.class)
			.optional();
	}

	public void link(long userId, String provider, String subject, Instant now) {
		this.jdbc
			.sql("INSERT INTO user_identities (user_id, provider, subject, created_at, last_sign_in_at) "
					+ "VALUES (?, ?, ?, ?, ?)")
			.params(userId, provider, subject, Timestamp.from(now), Timestamp.from(now))
			.update();
	}

	public void touch(String provider, String subject, Instant now) {
		this.jdbc.sql("UPDATE user_identities SET last_sign_in_at = ? WHERE provider = ? AND subject = ?")
			.params(Timestamp.from(now), provider, subject)
			.update();
	}

	/**
	 * @return every link, by user id and then provider
	 */
	public List<Link> findAll() {
		return this.jdbc
			.sql("SELECT user_id, provider, last_sign_in_at FROM user_identities ORDER BY user_id, provider")
			.query((rs, row) -> new Link(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
			.list();
	}

	public record Link(long userId, String provider, Instant lastSignInAt) {
	}

}
