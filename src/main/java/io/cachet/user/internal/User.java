package io.cachet.user.internal;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

import io.cachet.user.UserLevel;
import io.cachet.user.UserView;

/**
 * A dashboard user (aggregate root of the {@code users} table).
 */
@Table("users")
public class User {

	@Id
	private @Nullable Long id;

	private String username;

	private String email;

	private String password;

	private String apiKeyHash;

	private @Nullable String rememberToken;

	@Column("google_2fa_secret")
	private @Nullable String google2faSecret;

	private int level;

	private boolean active;

	private boolean welcomed;

	/** Renewed whenever the user's sessions must end: see {@link #renewSecurityStamp}. */
	private long securityStamp;

	/**
	 * The TOTP time step of the last code accepted, so that no code is accepted twice.
	 */
	private @Nullable Long totpLastStep;

	/**
	 * Whether the user has a password of their own; false for a user created by a first
	 * sign-in through an identity provider.
	 */
	private boolean passwordLogin;

	private Instant createdAt;

	private Instant updatedAt;

	@PersistenceCreator
	User(@Nullable Long id, String username, String email, String password, String apiKeyHash,
			@Nullable String rememberToken, @Nullable String google2faSecret, int level, boolean active,
			boolean welcomed, long securityStamp, @Nullable Long totpLastStep, boolean passwordLogin, Instant createdAt,
			Instant updatedAt) {
		this.id = id;
		this.username = username;
		this.email = email;
		this.password = password;
		this.apiKeyHash = apiKeyHash;
		this.rememberToken = rememberToken;
		this.google2faSecret = google2faSecret;
		this.level = level;
		this.active = active;
		this.welcomed = welcomed;
		this.securityStamp = securityStamp;
		this.totpLastStep = totpLastStep;
		this.passwordLogin = passwordLogin;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
	}

	/**
	 * @param passwordHash the BCrypt hash of the password
	 * @param apiKeyHash the digest of the API token
	 */
	public static User create(String username, String email, String passwordHash, String apiKeyHash, UserLevel level,
			Instant now) {
		return new User(null, username, email, passwordHash, apiKeyHash, null, null, level.code(), true, false,
				SecurityStamps.next(), null, true, now, now);
	}

	/**
	 * A user created by their first sign-in through an identity provider: no password of
	 * their own.
	 * @param unusablePasswordHash the BCrypt hash of a random secret that is thrown away
	 */
	public static User createExternal(String username, String email, String unusablePasswordHash, String apiKeyHash,
			UserLevel level, Instant now) {
		return new User(null, username, email, unusablePasswordHash, apiKeyHash, null, null, level.code(), true, false,
				SecurityStamps.next(), null, false, now, now);
	}

	public boolean hasPasswordLogin() {
		return this.passwordLogin;
	}

	public @Nullable Long getId() {
		return this.id;
	}

	public String getUsername() {
		return this.username;
	}

	public String getEmail() {
		return this.email;
	}

	public String getPassword() {
		return this.password;
	}

	public String getApiKeyHash() {
		return this.apiKeyHash;
	}

	public UserLevel getLevel() {
		return UserLevel.fromCode(this.level);
	}

	public boolean isActive() {
		return this.active;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	public @Nullable String getGoogle2faSecret() {
		return this.google2faSecret;
	}

	public long getSecurityStamp() {
		return this.securityStamp;
	}

	public @Nullable Long getTotpLastStep() {
		return this.totpLastStep;
	}

	/**
	 * Ends every session and remember-me login of this user (the caller deletes the
	 * remember-me tokens): a session whose stamp differs is logged out at its next
	 * request.
	 */
	public void renewSecurityStamp() {
		this.securityStamp = SecurityStamps.next();
	}

	/**
	 * @param step the TOTP time step of the code that proved the secret
	 */
	public void enableTwoFactor(String secret, long step, Instant now) {
		this.google2faSecret = secret;
		this.totpLastStep = step;
		renewSecurityStamp();
		this.updatedAt = now;
	}

	public void disableTwoFactor(Instant now) {
		this.google2faSecret = null;
		this.totpLastStep = null;
		renewSecurityStamp();
		this.updatedAt = now;
	}

	public void changePassword(String passwordHash, Instant now) {
		this.password = passwordHash;
		renewSecurityStamp();
		this.updatedAt = now;
	}

	public void changeApiKeyHash(String apiKeyHash, Instant now) {
		this.apiKeyHash = apiKeyHash;
		this.updatedAt = now;
	}

	public void activate(Instant now) {
		this.active = true;
		this.updatedAt = now;
	}

	public void rename(String username, String email, Instant now) {
		if (!username.equals(this.username)) {
			// sessions and remember-me logins are bound to the name
			renewSecurityStamp();
		}
		this.username = username;
		this.email = email;
		this.updatedAt = now;
	}

	public void changeLevel(io.cachet.user.UserLevel level, Instant now) {
		if (level.code() != this.level) {
			renewSecurityStamp();
		}
		this.level = level.code();
		this.updatedAt = now;
	}

	public void deactivate(Instant now) {
		this.active = false;
		renewSecurityStamp();
		this.updatedAt = now;
	}

	public UserView toView() {
		if (this.id == null) {
			throw new IllegalStateException("A user has no view before it is saved");
		}
		return new UserView(this.id, this.username, this.email, getLevel(), this.active, this.createdAt,
				this.updatedAt);
	}

}
