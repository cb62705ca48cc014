package io.cachet.crypto;

import java.util.List;

/**
 * A table column (or a set of settings) whose values are encrypted secrets, declared as a
 * bean by the module that owns it, so that {@link SecretsAtRest} can encrypt what is
 * still plain text, report what no key opens and re-encrypt everything under a new key.
 */
public interface SecretStore {

	/**
	 * @return every secret the store holds (empty values left out)
	 */
	List<StoredSecret> secrets();

	/**
	 * Replaces a value, unless it changed since it was read (another node migrated it, a
	 * user saved a new one): compare and set, so a concurrent change is never undone.
	 * @return whether the value was replaced
	 */
	boolean replace(StoredSecret secret, String newValue);

}
