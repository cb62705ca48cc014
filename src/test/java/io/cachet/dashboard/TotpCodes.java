package io.cachet.dashboard;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;

/**
 * What an authenticator app shows for a secret right now.
 */
final class TotpCodes {

	private TotpCodes() {
	}

	static String current(String secret) {
		return at(secret, currentStep());
	}

	/**
	 * @return the code of the next time step, which the server accepts (one step of clock
	 * drift) after the current one was spent
	 */
	static String next(String secret) {
		return at(secret, currentStep() + 1);
	}

	static long currentStep() {
		return Math.floorDiv(System.currentTimeMillis() / 1000, 30);
	}

	/**
	 * @return the code of this time step (Unix seconds / 30)
	 */
	static String at(String secret, long step) {
		try {
			return new DefaultCodeGenerator(HashingAlgorithm.SHA1).generate(secret, step);
		}
		catch (CodeGenerationException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
