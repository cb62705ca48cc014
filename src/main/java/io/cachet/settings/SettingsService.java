package io.cachet.settings;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import io.cachet.crypto.SecretCipher;
import io.cachet.crypto.UnreadableSecretException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Cachet's settings ({@code app_name}, {@code app_timezone}, ...), kept in memory: they
 * are read on every request and change rarely. Code reads them typed, through
 * {@link #site()}.
 * <p>
 * The settings that are secrets ({@link #SECRETS}) are stored encrypted
 * ({@link SecretCipher}) and held in memory in clear. One that no key of this server
 * opens reads as unset through {@link #get}, while {@link #getSecret} and {@link #secret}
 * refuse it with {@link UnreadableSecretException}: a random secret is never made again
 * over one that merely cannot be read.
 */
@Service
public class SettingsService {

	/** The settings kept encrypted. */
	public static final Set<String> SECRETS = Set.of("mail_password", "subscriber_link_key", "remember_me_key");

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final SecretCipher cipher;

	private volatile @Nullable Loaded cache;

	/** Bumped by every change, so that a load that raced with a change is not kept. */
	private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

	SettingsService(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events, SecretCipher cipher) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.events = events;
		this.cipher = cipher;
	}

	/**
	 * The values in clear, the names of the secrets that could not be decrypted, and the
	 * values typed.
	 */
	private record Loaded(Map<String, String> values, Set<String> unreadable, SiteSettings site) {
	}

	/**
	 * @return the settings as typed values with their defaults, as saved last (a change
	 * shows at the next call), never {@code null}
	 */
	public SiteSettings site() {
		return loaded().site();
	}

	/**
	 * @return the value of a setting, empty when it was never set (for code that handles
	 * settings by name, such as the settings pages; others read {@link #site()})
	 */
	public Optional<String> get(String name) {
		return Optional.ofNullable(loaded().values().get(name));
	}

	/**
	 * @return a secret setting's value, the default when it was never set
	 * @throws UnreadableSecretException when it is stored under another encryption key
	 */
	public String getSecret(String name, String defaultValue) {
		Loaded loaded = loaded();
		if (loaded.unreadable().contains(name)) {
			throw UnreadableSecretException.of("The setting " + name);
		}
		return Objects.requireNonNullElse(loaded.values().get(name), defaultValue);
	}

	/**
	 * @return the names of the secret settings no key of this server can decrypt
	 */
	public Set<String> unreadableSecrets() {
		return loaded().unreadable();
	}

	public String get(String name, String defaultValue) {
		return get(name).orElse(defaultValue);
	}

	/**
	 * @return a random secret kept under this setting's name, made (256 bits, hex) the
	 * first time it is asked for
	 */
	@Transactional
	public String secret(String name) {
		if (loaded().unreadable().contains(name)) {
			throw UnreadableSecretException.of("The setting " + name);
		}
		return get(name).filter((value) -> !value.isBlank()).orElseGet(() -> {
			byte[] bytes = new byte[32];
			new java.security.SecureRandom().nextBytes(bytes);
			String generated = java.util.HexFormat.of().formatHex(bytes);
			set(name, generated);
			return generated;
		});
	}

	/**
	 * Sets a setting (an empty value is kept as empty, not removed).
	 */
	@Transactional
	public void set(String name, String value) {
		if (SECRETS.contains(name) && !value.isEmpty()) {
			value = this.cipher.encrypt(value);
		}
		var now = java.sql.Timestamp.from(this.clock.instant());
		int updated = this.jdbc.sql("UPDATE settings SET setting_value = ?, updated_at = ? WHERE name = ?")
			.params(value, now, name)
			.update();
		if (updated == 0) {
			this.jdbc.sql("INSERT INTO settings (name, setting_value, created_at, updated_at) VALUES (?, ?, ?, ?)")
				.params(name, value, now, now)
				.update();
		}
		invalidate();
		// Other threads may load the old values until this transaction ends: forget them
		// again once it has (committed or not).
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					invalidate();
				}
			});
		}
		this.events.publishEvent(new SettingsChanged(name));
	}

	/**
	 * Forgets the cached values, for when another node of the cluster changed them.
	 */
	public void forgetCached() {
		invalidate();
	}

	/**
	 * Forgets the settings held in memory and tells the page they changed, after
	 * something other than this service wrote the table (an imported backup).
	 */
	public void reload() {
		invalidate();
		this.events.publishEvent(new SettingsChanged("*"));
	}

	private void invalidate() {
		this.generation.incrementAndGet();
		this.cache = null;
	}

	private Loaded loaded() {
		Loaded values = this.cache;
		if (values == null) {
			long loadedAt = this.generation.get();
			Map<String, String> loaded = new ConcurrentHashMap<>();
			Set<String> unreadable = new TreeSet<>();
			this.jdbc.sql("SELECT name, setting_value FROM settings").query((rs) -> {
				String name = rs.getString(1);
				String value = rs.getString(2);
				if (value == null) {
					return;
				}
				if (!SECRETS.contains(name) || value.isEmpty()) {
					loaded.put(name, value);
					return;
				}
				try {
					loaded.put(name, this.cipher.decrypt(value, name));
				}
				catch (UnreadableSecretException ex) {
					unreadable.add(name);
				}
			});
			values = new Loaded(Map.copyOf(loaded), Set.copyOf(unreadable), SiteSettings.of(loaded));
			if (this.generation.get() == loadedAt) {
				this.cache = values;
			}
		}
		return values;
	}

}
