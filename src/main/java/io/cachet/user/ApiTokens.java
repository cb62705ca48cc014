package io.cachet.user;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Generates API tokens and derives the digest under which they are stored and looked up.
 * <p>
 * Only the SHA-256 digest of a token is stored. A token is found by its digest, so how
 * long the database takes to compare reveals nothing about the token itself, and the
 * final comparison is constant-time. A token has about 238 bits of entropy, so an
 * unsalted fast hash is enough.
 */
final class ApiTokens {

	private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
		.toCharArray();

	private static final int GENERATED_LENGTH = 40;

	private static final SecureRandom RANDOM = new SecureRandom();

	private ApiTokens() {
	}

	static String generate() {
		char[] token = new char[GENERATED_LENGTH];
		for (int i = 0; i < token.length; i++) {
			token[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
		}
		return new String(token);
	}

	static String digest(String token) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	static boolean digestsEqual(String a, String b) {
		return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
	}

}
