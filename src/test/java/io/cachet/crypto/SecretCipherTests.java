package io.cachet.crypto;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * AES-GCM under the configured key, the versioned format, plain text from before, and
 * what a wrong or altered value gives.
 */
class SecretCipherTests {

	static final String KEY_A = EncryptionKey.generateBase64();

	static final String KEY_B = EncryptionKey.generateBase64();

	@TempDir
	Path dir;

	@Test
	void encryptsWithAVersionedPrefixAndARandomIv() {
		SecretCipher cipher = cipher(KEY_A, "");
		String stored = cipher.encrypt("smtp-password");
		assertThat(stored).startsWith("enc:v1:" + cipher.currentKeyId() + ":").doesNotContain("smtp-password");
		assertThat(cipher.encrypt("smtp-password")).as("a fresh IV each time").isNotEqualTo(stored);
		assertThat(cipher.decrypt(stored, "the SMTP password")).isEqualTo("smtp-password");
		assertThat(cipher.isCurrent(stored)).isTrue();
	}

	@Test
	void readsPlainTextFromBeforeEncryptionAsItIs() {
		SecretCipher cipher = cipher(KEY_A, "");
		assertThat(cipher.decrypt("JBSWY3DPEHPK3PXP", "a TOTP secret")).isEqualTo("JBSWY3DPEHPK3PXP");
		assertThat(cipher.isCurrent("JBSWY3DPEHPK3PXP")).as("to be encrypted").isFalse();
	}

	@Test
	void refusesAValueOfAnotherKeyWithAClearMessage() {
		String stored = cipher(KEY_A, "").encrypt("webhook-secret");
		assertThatThrownBy(() -> cipher(KEY_B, "").decrypt(stored, "The signing secret of webhook 1"))
			.isInstanceOf(UnreadableSecretException.class)
			.hasMessageStartingWith("The signing secret of webhook 1 cannot be decrypted")
			.hasMessageContaining("CACHET_ENCRYPTION_KEY")
			.hasMessageNotContaining("webhook-secret");
		assertThat(cipher(KEY_B, KEY_A).decrypt(stored, "it")).as("with the old key").isEqualTo("webhook-secret");
		assertThat(cipher(KEY_B, KEY_A).isCurrent(stored)).as("to be re-encrypted").isFalse();
	}

	@Test
	void refusesAnAlteredValue() {
		SecretCipher cipher = cipher(KEY_A, "");
		String stored = cipher.encrypt("webhook-secret");
		byte[] sealed = Base64.getDecoder().decode(stored.substring(stored.lastIndexOf(':') + 1));
		sealed[sealed.length - 1] ^= 1;
		String altered = stored.substring(0, stored.lastIndexOf(':') + 1) + Base64.getEncoder().encodeToString(sealed);
		assertThatThrownBy(() -> cipher.decrypt(altered, "it")).isInstanceOf(UnreadableSecretException.class);
		assertThatThrownBy(() -> cipher.decrypt(stored.substring(0, 20), "it"))
			.isInstanceOf(UnreadableSecretException.class);
	}

	@Test
	void refusesAKeyThatIsNot32BytesOfBase64() {
		assertThatIllegalStateException().isThrownBy(() -> cipher("not a key!", ""))
			.withMessageContaining("openssl rand -base64 32");
		assertThatIllegalStateException().isThrownBy(() -> cipher(Base64.getEncoder().encodeToString(new byte[16]), ""))
			.withMessageContaining("16 bytes");
	}

	@Test
	void makesAKeyFileOnTheFirstStartAndKeepsIt() throws Exception {
		Path file = this.dir.resolve("data/encryption.key");
		SecretCipher first = new SecretCipher(EncryptionKeys.load("", "", null, file, false));
		assertThat(file).isRegularFile();
		String stored = first.encrypt("secret");
		SecretCipher second = new SecretCipher(EncryptionKeys.load("", "", null, file, false));
		assertThat(second.currentKeyId()).isEqualTo(first.currentKeyId());
		assertThat(second.decrypt(stored, "it")).isEqualTo("secret");
		if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
					PosixFilePermission.OWNER_WRITE);
		}
		// once the variable is set, the file's key still opens what it wrote
		SecretCipher configured = new SecretCipher(EncryptionKeys.load(KEY_B, "", null, file, false));
		assertThat(configured.currentKeyId()).isNotEqualTo(first.currentKeyId());
		assertThat(configured.decrypt(stored, "it")).isEqualTo("secret");
		assertThat(configured.isCurrent(configured.encrypt("x"))).isTrue();
	}

	static SecretCipher cipher(String key, String old) {
		return new SecretCipher(EncryptionKeys.load(key, old, null, Path.of("/nonexistent/encryption.key"), false));
	}

}
