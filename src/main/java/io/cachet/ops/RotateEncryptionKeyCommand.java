package io.cachet.ops;

import java.util.Arrays;

import io.cachet.backup.BackupCommand;
import io.cachet.crypto.SecretCipher;
import io.cachet.crypto.SecretsAtRest;
import io.cachet.crypto.UnreadableSecretException;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar cachet.jar rotate-encryption-key}: re-encrypts every secret in the
 * database under the current key ({@code CACHET_ENCRYPTION_KEY}), reading them with the
 * old one ({@code CACHET_ENCRYPTION_KEY_OLD}, {@code CACHET_ENCRYPTION_KEY_OLD_FILE}, or
 * the key file in the data directory that was used while the variable was unset), in one
 * transaction: when a single secret cannot be read, nothing changes and the command says
 * which. Started like the backup commands, without a web server or background jobs.
 */
public final class RotateEncryptionKeyCommand {

	static final String COMMAND = "rotate-encryption-key";

	private RotateEncryptionKeyCommand() {
	}

	public static boolean handles(String[] args) {
		return args.length > 0 && args[0].equals(COMMAND);
	}

	/**
	 * @param args the command, then the application's arguments
	 * @return the process exit code
	 */
	public static int run(Class<?> application, String[] args) {
		String[] rest = Arrays.copyOf(Arrays.copyOfRange(args, 1, args.length), args.length);
		// the pass at start would do the same, but piecemeal and without telling
		rest[args.length - 1] = "--cachet.encryption.migrate-on-start=false";
		try (ConfigurableApplicationContext context = BackupCommand.startForCommand(application, rest)) {
			SecretCipher cipher = context.getBean(SecretCipher.class);
			if (cipher.keyIds().size() < 2) {
				System.err.println("Only one encryption key is known (" + cipher.currentKeyId() + "): give the new "
						+ "key in CACHET_ENCRYPTION_KEY and the old one in CACHET_ENCRYPTION_KEY_OLD. "
						+ "Plain-text secrets, if any, are encrypted now.");
			}
			SecretsAtRest.Report report = context.getBean(SecretsAtRest.class).rotate();
			System.err.println("Re-encrypted " + report.rewritten() + " secrets under key " + cipher.currentKeyId()
					+ "; every secret is now readable with CACHET_ENCRYPTION_KEY alone.");
			return 0;
		}
		catch (UnreadableSecretException ex) {
			System.err.println("Rotation refused: " + ex.getMessage());
			return 1;
		}
	}

}
