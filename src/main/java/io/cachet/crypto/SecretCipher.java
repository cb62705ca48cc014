package io.cachet.crypto;

import io.cachet.cluster.ClusterProperties;
import io.cachet.shared.CachetProperties;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Encrypts secrets for the database and decrypts them again, with AES-256-GCM (Spring
 * Security Crypto's {@code AesBytesEncryptor}): a random IV per value, and a tag that
 * makes an altered value fail to decrypt instead of decrypting to something else. The
 * package documentation says where the keys come from.
 */
@Component
public class SecretCipher {

	static final String PREFIX = "enc:v1:";

	private final EncryptionKeys keys;

	@Autowired
	SecretCipher(EncryptionProperties encryption, CachetProperties cachet, ClusterProperties clusterMode) {
		this(encryption.key(), encryption.oldKeys(), encryption.oldKeyFile(), encryption.keyFile(), cachet.dataDir(),
				clusterMode.enabled());
	}

	private SecretCipher(String key, String old, String oldKeyFile, String keyFile, String dataDir, boolean cluster) {
		this(EncryptionKeys.load(
				key, old, oldKeyFile.isBlank() ? null : Path.of(oldKeyFile), keyFile.isBlank()
						? Path.of(dataDir).resolve("encryption.key").toAbsolutePath().normalize() : Path.of(keyFile),
				cluster));
	}

	SecretCipher(EncryptionKeys keys) {
		this.keys = keys;
	}

	/**
	 * @return {@code enc:v1:<key id>:<base64>}, under the current key
	 */
	public String encrypt(String plaintext) {
		EncryptionKey key = this.keys.current();
		byte[] sealed = key.encryptor().encrypt(plaintext.getBytes(StandardCharsets.UTF_8));
		return PREFIX + key.id() + ":" + Base64.getEncoder().encodeToString(sealed);
	}

	/**
	 * @param stored a value {@link #encrypt} wrote, or plain text from before encryption
	 * (returned as it is)
	 * @param what the secret, as the admin knows it, for the exception's message
	 * @throws UnreadableSecretException when no key of this server opens it
	 */
	public String decrypt(String stored, String what) {
		return open(stored).orElseThrow(() -> UnreadableSecretException.of(what));
	}

	/**
	 * @return whether the value is encrypted under the current key: anything else (plain
	 * text, an old key) is to be written again
	 */
	public boolean isCurrent(String stored) {
		return stored.startsWith(PREFIX + this.keys.current().id() + ":");
	}

	/**
	 * @return the current key's id (8 hex digits), for the reports
	 */
	public String currentKeyId() {
		return this.keys.current().id();
	}

	/**
	 * @return the ids of every key this server can decrypt with
	 */
	public Set<String> keyIds() {
		return this.keys.all().keySet();
	}

	/**
	 * @return the plain text, empty when no key of this server opens the value
	 */
	Optional<String> open(String stored) {
		if (!stored.startsWith(PREFIX)) {
			return Optional.of(stored);
		}
		int separator = stored.indexOf(':', PREFIX.length());
		if (separator < 0) {
			return Optional.empty();
		}
		EncryptionKey key = this.keys.all().get(stored.substring(PREFIX.length(), separator));
		if (key == null) {
			return Optional.empty();
		}
		try {
			byte[] sealed = Base64.getDecoder().decode(stored.substring(separator + 1));
			return Optional.of(new String(key.encryptor().decrypt(sealed), StandardCharsets.UTF_8));
		}
		catch (RuntimeException ex) {
			// not base64, too short, or the tag does not match: altered, or the ids
			// collided
			return Optional.empty();
		}
	}

}
