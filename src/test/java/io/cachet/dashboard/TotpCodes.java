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
		try {
			return new DefaultCodeGenerator(HashingAlgorithm.SHA1).generate(secret,
					Math.floorDiv(System.currentTimeMillis() / 1000, 30));
		}
		catch (CodeGenerationException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
