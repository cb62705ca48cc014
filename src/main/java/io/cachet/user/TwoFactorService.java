package io.cachet.user;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import dev.samstevens.totp.code.CodeVerifier;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.DefaultCodeVerifier;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.secret.SecretGenerator;
import dev.samstevens.totp.util.Utils;

import io.cachet.crypto.SecretCipher;
import io.cachet.user.internal.User;
import io.cachet.user.internal.UserRepository;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * TOTP two-factor authentication (RFC 6238: 6 digits, 30-second steps, SHA-1, as Google
 * Authenticator and Cachet's Google2FA use), with the dev.samstevens.totp library. A code
 * is accepted one step before or after the current one, for clocks that drift.
 * <p>
 * The secret is stored encrypted ({@link SecretCipher}); one that no key of this server
 * opens makes {@link #verify} throw {@link io.cachet.crypto.UnreadableSecretException}
 * rather than answer "wrong code".
 */
@Service
public class TwoFactorService {

	private final UserRepository users;

	private final Clock clock;

	private final SecretGenerator secrets = new DefaultSecretGenerator();

	private final CodeVerifier verifier;

	private final SecretCipher cipher;

	TwoFactorService(UserRepository users, Clock clock, SecretCipher cipher) {
		this.users = users;
		this.clock = clock;
		this.cipher = cipher;
		DefaultCodeVerifier codes = new DefaultCodeVerifier(new DefaultCodeGenerator(HashingAlgorithm.SHA1),
				() -> this.clock.instant().getEpochSecond());
		codes.setAllowedTimePeriodDiscrepancy(1);
		this.verifier = codes;
	}

	/**
	 * @param issuer the status page's name, shown in the authenticator app
	 */
	public TwoFactorEnrollment newEnrollment(String username, String issuer) {
		String secret = this.secrets.generate();
		QrData data = new QrData.Builder().label(username)
			.secret(secret)
			.issuer(issuer)
			.algorithm(HashingAlgorithm.SHA1)
			.digits(6)
			.period(30)
			.build();
		try {
			var generator = new ZxingPngQrGenerator();
			return new TwoFactorEnrollment(secret,
					Utils.getDataUriForImage(generator.generate(data), generator.getImageMimeType()));
		}
		catch (QrGenerationException ex) {
			throw new IllegalStateException("Could not draw the QR code", ex);
		}
	}

	/**
	 * Enables two-factor authentication with a secret the user proved to have set up.
	 * @return whether the code matched (nothing changes when it did not)
	 */
	@Transactional
	public boolean enable(long userId, String secret, String code) {
		if (!isValid(secret, code)) {
			return false;
		}
		User user = this.users.findById(userId).orElseThrow();
		user.enableTwoFactor(this.cipher.encrypt(secret), now());
		this.users.save(user);
		return true;
	}

	@Transactional
	public void disable(long userId) {
		User user = this.users.findById(userId).orElseThrow();
		user.disableTwoFactor(now());
		this.users.save(user);
	}

	@Transactional(readOnly = true)
	public boolean isEnabled(String username) {
		// whether a secret is stored, readable or not: one that is not still asks for a
		// code
		return this.users.findByLogin(username).map(User::getGoogle2faSecret).isPresent();
	}

	/**
	 * @return whether the code is the user's current one (false without two-factor
	 * authentication)
	 * @throws io.cachet.crypto.UnreadableSecretException when the user's secret was
	 * stored under another encryption key
	 */
	@Transactional(readOnly = true)
	public boolean verify(String username, String code) {
		return secretOf(username).map((secret) -> isValid(secret, code)).orElse(false);
	}

	private Optional<String> secretOf(String username) {
		return this.users.findByLogin(username)
			.flatMap((user) -> Optional.ofNullable(user.getGoogle2faSecret())
				.map((stored) -> this.cipher.decrypt(stored, "The two-factor secret of " + user.getUsername())));
	}

	private boolean isValid(String secret, String code) {
		String digits = code.replace(" ", "").strip();
		return digits.matches("\\d{6}") && this.verifier.isValidCode(secret, digits);
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
