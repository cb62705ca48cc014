package io.cachet.crypto;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The key secrets at rest are encrypted under ({@code cachet.encryption.*}).
 *
 * @param key base64 of 32 bytes ({@code CACHET_ENCRYPTION_KEY}); blank: the key file
 * @param oldKeys earlier keys, comma-separated, still accepted for reading
 * @param oldKeyFile a file holding earlier keys (blank: none)
 * @param keyFile where a generated key is kept (blank: {@code encryption.key} in the data
 * directory)
 * @param migrateOnStart whether secrets still stored in plain text or under an old key
 * are encrypted under the current key at start-up
 */
@ConfigurationProperties("cachet.encryption")
record EncryptionProperties(@DefaultValue("") String key, @DefaultValue("") String oldKeys,
		@DefaultValue("") String oldKeyFile, @DefaultValue("") String keyFile,
		@DefaultValue("true") boolean migrateOnStart) {

}
