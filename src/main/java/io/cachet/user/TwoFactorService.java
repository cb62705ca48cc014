package io.cachet.user;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.OptionalLong;

import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.secret.SecretGenerator;
import dev.samstevens.totp.util.Utils;
import org.jspecify.annotations.Nullable;

import io.cachet.crypto.SecretCipher;
import io.cachet.user.internal.User;
import io.cachet.user.internal.UserRepository;

import org.springframework.security.web.authentication.rememberme.PersistentTokenRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * TOTP two-factor authentication (RFC 6238: 6 digits, 30-second steps, SHA-1, as Google
 * Authenticator and Cachet's Google2FA use), with the dev.samstevens.totp library. A code
 * is accepted one step before or after the current one, for clocks that drift, and only
 * once: the step of the last accepted code is stored, and a code of that step or an
 * earlier one is refused (RFC 6238 section 5.2), so a code seen over a shoulder or in a
 * proxy log cannot be replayed. Enabling or disabling it ends the user's other sessions.
 * <p>
 * The secret is stored encrypted ({@link SecretCipher}); one that no key of this server
 * opens makes {@link #verify} throw {@link io.cachet.crypto.UnreadableSecretException}
 * rather than answer "wrong code".
 */
@Service
public class TwoFactorService {

	private static final int PERIOD_SECONDS = 30;

	private final UserRepository users;

	private final PersistentTokenRepository rememberMeTokens;

	private final Clock clock;

	private final SecretGenerator secrets = new DefaultSecretGenerator();

	private final CodeGenerator codes = new DefaultCodeGenerator(HashingAlgorithm.SHA1);

	private final SecretCipher cipher;

	TwoFactorService(UserRepository users, PersistentTokenRepository rememberMeTokens, Clock clock,
			SecretCipher cipher) {
		this.users = users;
		this.rememberMeTokens = rememberMeTokens;
		this.clock = clock;
		this.cipher = cipher;
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
			.period(PERIOD_SECONDS)
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
	 * Enables two-factor authentication with a secret the user proved to have set up (the
	 * code is spent: it cannot log in afterwards), and ends the user's sessions and
	 * remember-me logins.
	 * @return whether the code matched (nothing changes when it did not)
	 */
	@Transactional
	public boolean enable(long userId, String secret, String code) {
		OptionalLong step = matchingStep(secret, code, null);
		if (step.isEmpty()) {
			return false;
		}
		User user = this.users.findById(userId).orElseThrow(() -> UserNotFoundException.forId(userId));
		user.enableTwoFactor(this.cipher.encrypt(secret), step.getAsLong(), now());
		this.users.save(user);
		this.rememberMeTokens.removeUserTokens(user.getUsername());
		return true;
	}

	/**
	 * Disables two-factor authentication and ends the user's sessions and remember-me
	 * logins.
	 */
	@Transactional
	public void disable(long userId) {
		User user = this.users.findById(userId).orElseThrow(() -> UserNotFoundException.forId(userId));
		user.disableTwoFactor(now());
		this.users.save(user);
		this.rememberMeTokens.removeUserTokens(user.getUsername());
	}

	@Transactional(readOnly = true)
	public boolean isEnabled(String username) {
		// whether a secret is stored, readable or not: one that is not still asks for a
		// code
		return this.users.findByLogin(username).map(User::getGoogle2faSecret).isPresent();
	}

	/**
	 * Checks and spends a code: a code is accepted once, and none of an earlier step
	 * after it.
	 * @return whether the code is the user's current one and was not used before (false
	 * without two-factor authentication)
	 * @throws io.cachet.crypto.UnreadableSecretException when the user's secret was
	 * stored under another encryption key
	 */
	@Transactional
	public boolean verify(String username, String code) {
		User user = this.users.findByLogin(username).orElse(null);
		if (user == null || user.getGoogle2faSecret() == null || user.getId() == null) {
			return false;
		}
		String secret = this.cipher.decrypt(user.getGoogle2faSecret(),
				"The two-factor secret of " + user.getUsername());
		OptionalLong step = matchingStep(secret, code, user.getTotpLastStep());
		// the conditional update decides between two requests racing with the same code
		return step.isPresent() && this.users.acceptTotpStep(user.getId(), step.getAsLong()) == 1;
	}

	/**
	 * @return the time step (previous, current or next) whose code this is, if later than
	 * {@code lastStep}
	 */
	private OptionalLong matchingStep(String secret, String code, @Nullable Long lastStep) {
		String digits = code.replace(" ", "").strip();
		if (!digits.matches("\\d{6}")) {
			return OptionalLong.empty();
		}
		long current = Math.floorDiv(this.clock.instant().getEpochSecond(), PERIOD_SECONDS);
		for (long step = current - 1; step <= current + 1; step++) {
			if (lastStep != null && step <= lastStep) {
				continue;
			}
			try {
				if (MessageDigest.isEqual(this.codes.generate(secret, step).getBytes(StandardCharsets.US_ASCII),
						digits.getBytes(StandardCharsets.US_ASCII))) {
					return OptionalLong.of(step);
				}
			}
			catch (CodeGenerationException ex) {
				return OptionalLong.empty();
			}
		}
		return OptionalLong.empty();
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
