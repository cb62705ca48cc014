/**
 * Secrets at rest: the values the application must read back in clear (two-factor
 * secrets, the SMTP password, webhook signing keys, the subscriber link key) are stored
 * encrypted with AES-256-GCM under a key that never enters the database or a backup.
 * <p>
 * The key is {@code CACHET_ENCRYPTION_KEY} ({@code cachet.encryption.key}): 32 random
 * bytes in base64, made with {@code openssl rand -base64 32}. Without it, a key is made
 * on the first start and kept in {@code $CACHET_DATA_DIR/encryption.key}, so that
 * {@code ./mvnw spring-boot:run} works on a fresh machine; a cluster or a production
 * install sets the variable (the same on every node). Older keys that may still be needed
 * to read a value are {@code CACHET_ENCRYPTION_KEY_OLD} (comma-separated), and the key
 * file when the variable is set.
 * <p>
 * A stored value reads {@code enc:v1:<key id>:<base64 of IV, ciphertext and tag>}; the
 * key id (8 hex digits of the key's SHA-256) says which key wrote it. A value without the
 * prefix is plain text written before encryption existed (or brought by an old backup):
 * it is still read, and {@link io.cachet.crypto.SecretsAtRest} encrypts it at the next
 * start (and after every backup import), as it re-encrypts values an old key wrote. A
 * value no known key opens is reported, never replaced: the feature that needs it fails
 * with {@link io.cachet.crypto.UnreadableSecretException}.
 * <p>
 * The modules that keep secrets declare them as {@link io.cachet.crypto.SecretStore}
 * beans; this module depends on none of them.
 */
@ApplicationModule(allowedDependencies = { "cluster", "shared" })
@NullMarked
package io.cachet.crypto;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
