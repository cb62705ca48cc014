package io.cachet.user.internal;

import java.security.SecureRandom;

/**
 * New security stamps: random rather than counted, so that a stamp carried by a backup
 * (or a row from another install) never matches a session opened here by chance.
 */
final class SecurityStamps {

	private static final SecureRandom RANDOM = new SecureRandom();

	private SecurityStamps() {
	}

	/**
	 * @return a random stamp, never 0 (the value of rows from before stamps existed)
	 */
	static long next() {
		long stamp;
		do {
			stamp = RANDOM.nextLong();
		}
		while (stamp == 0);
		return stamp;
	}

}
