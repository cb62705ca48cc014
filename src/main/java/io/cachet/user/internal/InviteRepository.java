package io.cachet.user.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import io.cachet.user.UserLevel;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Invitations to join the team ({@code invites}): a code sent by e-mail, claimed once.
 */
@Repository
public class InviteRepository {

	private final JdbcClient jdbc;

	InviteRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(String code, String email, UserLevel level, Instant now) {
		this.jdbc.sql("INSERT INTO invites (code, email, level, created_at, updated_at) VALUES (?, ?, ?, ?, ?)")
			.params(code, email, level.code(), Timestamp.from(now), Timestamp.from(now))
			.update();
	}

	/**
	 * @return the unclaimed invite with this code
	 */
	public Optional<Invite> findOpen(String code) {
		return this.jdbc.sql("SELECT email, level, created_at FROM invites WHERE code = ? AND claimed_at IS NULL")
			.param(code)
			.query((rs, row) -> new Invite(code, rs.getString(1), UserLevel.fromCode(rs.getInt(2)),
					rs.getTimestamp(3).toInstant()))
			.optional();
	}

	/**
	 * @return whether this call claimed it (false when it was claimed meanwhile)
	 */
	public boolean claim(String code, Instant now) {
		return this.jdbc.sql("UPDATE invites SET claimed_at = ?, updated_at = ? WHERE code = ? AND claimed_at IS NULL")
			.params(Timestamp.from(now), Timestamp.from(now), code)
			.update() == 1;
	}

	public record Invite(String code, String email, UserLevel level, Instant createdAt) {
	}

}
