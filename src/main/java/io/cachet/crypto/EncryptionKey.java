package io.cachet.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.crypto.encrypt.AesBytesEncryptor;
import org.springframework.security.crypto.encrypt.BytesEncryptor;
import org.springframework.security.crypto.keygen.KeyGenerators;

/**
 * One AES-256 key and its id: 8 hex digits of the key's SHA-256, which name the key in a
 * stored value without revealing anything useful about it.
 */
record EncryptionKey(String id, BytesEncryptor encryptor) {

	static final int LENGTH = 32;

	/** GCM's recommended IV length: 96 bits, random per value. */
	private static final int IV_LENGTH = 12;

	/**
	 * @param base64 32 bytes in base64 ({@code openssl rand -base64 32})
	 * @param source where the key came from, for the error message
	 * @throws IllegalStateException when it is not 32 bytes in base64
	 */
	static EncryptionKey fromBase64(String base64, String source) {
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(base64.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(source + " is not base64. Make a key with: openssl rand -base64 32");
		}
		if (bytes.length != LENGTH) {
			throw new IllegalStateException(source + " holds " + bytes.length
					+ " bytes; an encryption key is 32 bytes in base64. Make one with: openssl rand -base64 32");
		}
		return new EncryptionKey(idOf(bytes), new AesBytesEncryptor(new SecretKeySpec(bytes, "AES"),
				KeyGenerators.secureRandom(IV_LENGTH), AesBytesEncryptor.CipherAlgorithm.GCM));
	}

	static String generateBase64() {
		return Base64.getEncoder().encodeToString(KeyGenerators.secureRandom(LENGTH).generateKey());
	}

	private static String idOf(byte[] key) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key), 0, 4);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	@Override
	public String toString() {
		return "EncryptionKey[" + this.id + "]";
	}

}
