package io.cachet.crypto;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps every {@link SecretStore} encrypted under the current key: at start (and after a
 * backup import) plain text left from before is encrypted and values an older key wrote
 * are re-encrypted; what no key opens is left alone and reported, at start with a WARN
 * and on the dashboard's settings page.
 */
@Component
public class SecretsAtRest {

	private static final Logger logger = LoggerFactory.getLogger(SecretsAtRest.class);

	private final List<SecretStore> stores;

	private final SecretCipher cipher;

	private final TransactionTemplate transaction;

	private final boolean onStart;

	SecretsAtRest(List<SecretStore> stores, SecretCipher cipher, PlatformTransactionManager transactions,
			EncryptionProperties properties) {
		boolean onStart = properties.migrateOnStart();
		this.stores = stores;
		this.cipher = cipher;
		this.transaction = new TransactionTemplate(transactions);
		this.onStart = onStart;
	}

	/**
	 * What a pass did.
	 *
	 * @param rewritten how many values were encrypted (plain text) or re-encrypted (an
	 * old key) under the current key
	 * @param unreadable the labels of the values no key of this server opens
	 */
	public record Report(int rewritten, List<String> unreadable) {
	}

	@EventListener(ApplicationReadyEvent.class)
	void migrateOnStart() {
		if (!this.onStart) {
			return;
		}
		try {
			Report report = migrate();
			if (report.rewritten() > 0) {
				logger.info("Encrypted {} secrets under key {}", report.rewritten(), this.cipher.currentKeyId());
			}
		}
		catch (DataAccessException | TransactionException ex) {
			// the application starts without its database (DatabaseOutage): not a reason
			// to stop it
			logger.warn("Could not check the secrets in the database ({}); they are checked again at the next start",
					ex.getMessage());
		}
	}

	/**
	 * Encrypts plain text and re-encrypts values of older keys, in one transaction; what
	 * no key opens is logged (WARN) and left as it is.
	 */
	public Report migrate() {
		Report report = this.transaction.execute((status) -> pass());
		if (!report.unreadable().isEmpty()) {
			logger.warn(
					"These secrets cannot be decrypted with this server's encryption key {} (known keys: {}): "
							+ "{}. Start with the key they were written with (CACHET_ENCRYPTION_KEY, or "
							+ "CACHET_ENCRYPTION_KEY_OLD next to the new one), or enter them again.",
					this.cipher.currentKeyId(), this.cipher.keyIds(), String.join("; ", report.unreadable()));
		}
		return report;
	}

	/**
	 * Re-encrypts every secret under the current key, all or nothing.
	 * @throws UnreadableSecretException, with nothing changed, when some value no key
	 * opens
	 */
	public Report rotate() {
		return this.transaction.execute((status) -> {
			Report report = pass();
			if (!report.unreadable().isEmpty()) {
				status.setRollbackOnly();
				throw new UnreadableSecretException("No key opens " + String.join("; ", report.unreadable())
						+ ". Give the key they were written with in CACHET_ENCRYPTION_KEY_OLD; nothing was changed.");
			}
			return report;
		});
	}

	/**
	 * @return the labels of the stored secrets no key of this server opens, checked now
	 */
	public List<String> unreadable() {
		List<String> unreadable = new ArrayList<>();
		for (SecretStore store : this.stores) {
			for (StoredSecret secret : store.secrets()) {
				if (this.cipher.open(secret.value()).isEmpty()) {
					unreadable.add(secret.label());
				}
			}
		}
		return List.copyOf(unreadable);
	}

	private Report pass() {
		int rewritten = 0;
		List<String> unreadable = new ArrayList<>();
		for (SecretStore store : this.stores) {
			for (StoredSecret secret : store.secrets()) {
				var plain = this.cipher.open(secret.value());
				if (plain.isEmpty()) {
					unreadable.add(secret.label());
				}
				else if (!this.cipher.isCurrent(secret.value())
						&& store.replace(secret, this.cipher.encrypt(plain.get()))) {
					rewritten++;
				}
			}
		}
		return new Report(rewritten, List.copyOf(unreadable));
	}

}
