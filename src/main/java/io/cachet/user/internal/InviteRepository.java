package io.cachet.user.internal;

import io.cachet.user.InviteProperties;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.cachet.user.UserLevel;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Invitations to join the team ({@code invites}): a code sent by e-mail, claimed once,
 * within {@code cachet.invites.expiry} (7 days unless configured) of being sent. The
 * table holds the code's SHA-256 digest, never the code, as for API tokens: a copy of the
 * table (or of a backup) gives no usable link.
 */
@Repository
public class InviteRepository {

	private final JdbcClient jdbc;

	private final Duration expiry;

	InviteRepository(JdbcClient jdbc, InviteProperties properties) {
		this.jdbc = jdbc;
		this.expiry = properties.expiry();
	}

	/**
	 * @param codeDigest the digest of the code sent
	 */
	public void insert(String codeDigest, String email, UserLevel level, Instant now) {
		this.jdbc.sql("INSERT INTO invites (code, email, level, created_at, updated_at) VALUES (?, ?, ?, ?, ?)")
			.params(codeDigest, email, level.code(), Timestamp.from(now), Timestamp.from(now))
			.update();
	}

	/**
	 * @return the invite with this code's digest, claimed or not, expired or not
	 */
	public Optional<Invite> find(String codeDigest, Instant now) {
		return this.jdbc.sql("SELECT email, level, created_at, claimed_at FROM invites WHERE code = ?")
			.param(codeDigest)
			.query((rs, row) -> {
				Instant expiresAt = rs.getTimestamp(3).toInstant().plus(this.expiry);
				return new Invite(rs.getString(1), UserLevel.fromCode(rs.getInt(2)), expiresAt,
						rs.getTimestamp(4) != null, !now.isBefore(expiresAt));
			})
			.optional();
	}

	/**
	 * @return whether this call claimed it (false when it was claimed meanwhile or has
	 * expired)
	 */
	public boolean claim(String codeDigest, Instant now) {
		return this.jdbc
			.sql("UPDATE invites SET claimed_at = ?, updated_at = ? WHERE code = ? AND claimed_at IS NULL "
					+ "AND created_at > ?")
			.params(Timestamp.from(now), Timestamp.from(now), codeDigest, Timestamp.from(now.minus(this.expiry)))
			.update() == 1;
	}

	/**
	 * @param claimed whether someone signed up with it already
	 * @param expired whether it is too old to be used
	 */
	public record Invite(String email, UserLevel level, Instant expiresAt, boolean claimed, boolean expired) {

		public boolean isOpen() {
			return !this.claimed && !this.expired;
		}

	}

}
