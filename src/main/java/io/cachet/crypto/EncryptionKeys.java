package io.cachet.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the keys come from: the current one from {@code CACHET_ENCRYPTION_KEY} or, when
 * that is not set, from the key file in the data directory (made on the first start);
 * decrypt-only older keys from {@code CACHET_ENCRYPTION_KEY_OLD} and, once the variable
 * is set, from a key file left by earlier starts, so that moving from the file to the
 * variable loses nothing.
 *
 * @param current what every value is written with
 * @param all every key that may open a value, by id, the current one first
 */
record EncryptionKeys(EncryptionKey current, Map<String, EncryptionKey> all) {

	private static final Logger logger = LoggerFactory.getLogger(EncryptionKeys.class);

	static final String KEY_VARIABLE = "CACHET_ENCRYPTION_KEY";

	static final String OLD_KEY_VARIABLE = "CACHET_ENCRYPTION_KEY_OLD";

	/**
	 * @param configured the key from the environment, empty when unset
	 * @param old older keys, comma-separated, empty when none
	 * @param oldKeyFile a file holding an older key, {@code null} when none
	 * @param keyFile the file kept in the data directory
	 * @param cluster whether several nodes share the database
	 */
	static EncryptionKeys load(String configured, String old, @Nullable Path oldKeyFile, Path keyFile,
			boolean cluster) {
		EncryptionKey current;
		List<EncryptionKey> older = new ArrayList<>();
		if (!configured.isBlank()) {
			current = EncryptionKey.fromBase64(configured, KEY_VARIABLE);
			if (Files.isRegularFile(keyFile)) {
				older.add(EncryptionKey.fromBase64(read(keyFile), "The key file " + keyFile));
			}
		}
		else {
			current = EncryptionKey.fromBase64(readOrCreate(keyFile), "The key file " + keyFile);
			if (cluster) {
				logger.warn("Cluster mode without {}: this node encrypts secrets with its own key file {}, which "
						+ "the other nodes cannot read. Set {} to the same key on every node "
						+ "(openssl rand -base64 32).", KEY_VARIABLE, keyFile, KEY_VARIABLE);
			}
		}
		if (oldKeyFile != null) {
			older.add(EncryptionKey.fromBase64(read(oldKeyFile), "The old key file " + oldKeyFile));
		}
		for (String value : old.split(",")) {
			if (!value.isBlank()) {
				older.add(EncryptionKey.fromBase64(value, OLD_KEY_VARIABLE));
			}
		}
		Map<String, EncryptionKey> all = new LinkedHashMap<>();
		all.put(current.id(), current);
		older.forEach((key) -> all.putIfAbsent(key.id(), key));
		return new EncryptionKeys(current, Map.copyOf(all));
	}

	private static String readOrCreate(Path keyFile) {
		if (Files.isRegularFile(keyFile)) {
			return read(keyFile);
		}
		try {
			Files.createDirectories(keyFile.toAbsolutePath().getParent());
			Path partial = Files.createTempFile(keyFile.toAbsolutePath().getParent(), ".encryption", ".key");
			try {
				restrict(partial);
				Files.writeString(partial, EncryptionKey.generateBase64() + "\n", StandardCharsets.US_ASCII,
						StandardOpenOption.TRUNCATE_EXISTING);
				// no REPLACE_EXISTING: a node that made its key first keeps it
				Files.move(partial, keyFile);
			}
			finally {
				Files.deleteIfExists(partial);
			}
			logger.warn("Made a new encryption key for the secrets in the database and kept it in {}. Set {} "
					+ "instead for production and for a cluster (openssl rand -base64 32), and keep that key "
					+ "apart from the database and its backups.", keyFile, KEY_VARIABLE);
		}
		catch (FileAlreadyExistsException ex) {
			// made by another process meanwhile
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the encryption key file " + keyFile + "; set " + KEY_VARIABLE
					+ " (openssl rand -base64 32) or make the data directory writable", ex);
		}
		return read(keyFile);
	}

	private static void restrict(Path file) throws IOException {
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException ex) {
			// not a POSIX file system: the directory's own permissions apply
		}
	}

	private static String read(Path keyFile) {
		try {
			return Files.readString(keyFile, StandardCharsets.US_ASCII).strip();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the encryption key file " + keyFile, ex);
		}
	}

}
