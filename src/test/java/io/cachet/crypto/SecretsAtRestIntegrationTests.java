package io.cachet.crypto;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.cachet.CachetApplication;
import io.cachet.backup.BackupCommand;
import io.cachet.backup.BackupService;
import io.cachet.notification.SaveWebhook;
import io.cachet.notification.WebhookService;
import io.cachet.ops.RotateEncryptionKeyCommand;
import io.cachet.settings.SettingsService;
import io.cachet.subscriber.SubscriberService;
import io.cachet.user.CreateUser;
import io.cachet.user.TwoFactorService;
import io.cachet.user.UserLevel;
import io.cachet.user.UserService;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The attack: someone reads the database (a dump, a stolen backup, a read-only SQL
 * injection) and looks for the secrets the application must read back. They find
 * ciphertext; a server started with a wrong key starts anyway, says what it cannot read
 * and fails the features that need it with a clear message; the rotation command moves
 * everything to a new key at once or not at all.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsAtRestIntegrationTests {

	static final String KEY_A = EncryptionKey.generateBase64();

	static final String KEY_B = EncryptionKey.generateBase64();

	static final String TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

	static final String SMTP_PASSWORD = "smtp-password-0123";

	static final String WEBHOOK_SECRET = "webhook-secret-4567";

	static final String PASSWORD = "correct horse battery";

	@TempDir
	Path dir;

	@Test
	void theDatabaseAndItsBackupHoldNoSecretInClear() {
		try (ConfigurableApplicationContext app = start(KEY_A)) {
			String linkKey = saveSecrets(app);
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			List<String> raw = rawSecrets(jdbc);
			assertThat(raw).hasSize(4).allSatisfy((value) -> assertThat(value).startsWith("enc:v1:"));
			assertThat(String.join("\n", raw)).doesNotContain(TOTP_SECRET, SMTP_PASSWORD, WEBHOOK_SECRET, linkKey);

			ByteArrayOutputStream backup = new ByteArrayOutputStream();
			app.getBean(BackupService.class).export(backup);
			assertThat(backup.toString(StandardCharsets.UTF_8)).contains("enc:v1:")
				.doesNotContain(TOTP_SECRET, SMTP_PASSWORD, WEBHOOK_SECRET, linkKey, KEY_A);

			// and the application reads them back
			assertThat(verifiesAlicesCode(app)).isTrue();
			assertThat(app.getBean(SettingsService.class).getSecret("mail_password", "")).isEqualTo(SMTP_PASSWORD);
			assertThat(app.getBean(WebhookService.class).secretOf(webhookId(jdbc))).isEqualTo(WEBHOOK_SECRET);
		}
	}

	@Test
	void plainTextLeftFromBeforeIsEncryptedAtTheNextStart() {
		try (ConfigurableApplicationContext app = start(KEY_A)) {
			saveSecrets(app);
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			// as an install from before encryption left them
			jdbc.sql("UPDATE users SET google_2fa_secret = ?").param(TOTP_SECRET).update();
			jdbc.sql("UPDATE settings SET setting_value = ? WHERE name = 'mail_password'")
				.param(SMTP_PASSWORD)
				.update();
			jdbc.sql("UPDATE webhooks SET secret = ?").param(WEBHOOK_SECRET).update();
		}
		try (ConfigurableApplicationContext app = start(KEY_A)) {
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			assertThat(rawSecrets(jdbc)).allSatisfy((value) -> assertThat(value).startsWith("enc:v1:"));
			assertThat(String.join("\n", rawSecrets(jdbc))).doesNotContain(TOTP_SECRET, SMTP_PASSWORD, WEBHOOK_SECRET);
			assertThat(verifiesAlicesCode(app)).isTrue();
			assertThat(app.getBean(SettingsService.class).getSecret("mail_password", "")).isEqualTo(SMTP_PASSWORD);
		}
	}

	@Test
	void aWrongKeyStartsSaysWhatItCannotReadAndFailsClearly(CapturedOutput output) throws Exception {
		String linkKey;
		try (ConfigurableApplicationContext app = start(KEY_A)) {
			linkKey = saveSecrets(app);
		}
		List<String> before;
		try (ConfigurableApplicationContext app = start(KEY_B)) {
			assertThat(output).contains("These secrets cannot be decrypted", "the two-factor secret of user alice",
					"the setting mail_password", "the setting subscriber_link_key", "the signing secret of webhook");
			SecretsAtRest secrets = app.getBean(SecretsAtRest.class);
			assertThat(secrets.unreadable()).hasSize(4);
			SettingsService settings = app.getBean(SettingsService.class);
			assertThatThrownBy(() -> settings.getSecret("mail_password", ""))
				.isInstanceOf(UnreadableSecretException.class);
			assertThatThrownBy(() -> settings.secret("subscriber_link_key")).as("never replaced by a new random key")
				.isInstanceOf(UnreadableSecretException.class);
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			assertThatThrownBy(() -> app.getBean(WebhookService.class).secretOf(webhookId(jdbc)))
				.isInstanceOf(UnreadableSecretException.class);
			before = rawSecrets(jdbc);

			MockMvc web = MockMvcBuilders.webAppContextSetup((WebApplicationContext) app)
				.apply(springSecurity())
				.build();
			String settingsPage = web.perform(get("/dashboard/settings/mail").with(user("admin").roles("ADMIN")))
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(settingsPage).contains("unreadable-secrets", "the setting mail_password",
					"the two-factor secret of user alice");

			MockHttpSession session = new MockHttpSession();
			var login = web
				.perform(post("/auth/login").session(session)
					.with(csrf())
					.param("username", "alice")
					.param("password", PASSWORD))
				.andReturn()
				.getResponse();
			assertThat(login.getRedirectedUrl()).endsWith("/auth/2fa");
			var codePage = web.perform(post("/auth/2fa").session(session).with(csrf()).param("code", code(TOTP_SECRET)))
				.andReturn()
				.getResponse();
			assertThat(codePage.getStatus()).isEqualTo(200);
			assertThat(codePage.getContentAsString()).contains("two-factor secret cannot be read", "Ask an admin");

			// a subscriber's manage link cannot be checked without the link key: 503, not
			// 500
			long subscriber = app.getBean(SubscriberService.class).subscribe("sub@example.com", true, null).id();
			assertThat(web.perform(get("/subscribe/manage/" + subscriber + "/signature"))
				.andReturn()
				.getResponse()
				.getStatus()).isEqualTo(503);
		}
		try (ConfigurableApplicationContext app = start(KEY_B, "--cachet.encryption.old-keys=" + KEY_A)) {
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			assertThat(rawSecrets(jdbc)).as("left alone while unreadable, re-encrypted once readable")
				.doesNotContainAnyElementsOf(before);
			assertThat(app.getBean(SecretsAtRest.class).unreadable()).isEmpty();
			assertThat(app.getBean(SettingsService.class).secret("subscriber_link_key")).isEqualTo(linkKey);
		}
	}

	@Test
	void theRotationCommandReEncryptsEverythingOrNothing() {
		try (ConfigurableApplicationContext app = start(KEY_A)) {
			saveSecrets(app);
		}
		String keyC = EncryptionKey.generateBase64();
		assertThat(rotate(args(keyC, "--cachet.encryption.old-keys=" + KEY_B)))
			.as("the old key given is not the one they were written with")
			.isEqualTo(1);
		assertThat(rotate(args(KEY_B, "--cachet.encryption.old-keys=" + KEY_A))).isZero();
		try (ConfigurableApplicationContext app = start(KEY_B)) {
			assertThat(app.getBean(SecretsAtRest.class).unreadable()).isEmpty();
			String keyId = app.getBean(SecretCipher.class).currentKeyId();
			assertThat(rawSecrets(app.getBean(JdbcClient.class)))
				.allSatisfy((value) -> assertThat(value).startsWith("enc:v1:" + keyId + ":"));
			assertThat(verifiesAlicesCode(app)).isTrue();
			assertThat(app.getBean(SettingsService.class).getSecret("mail_password", "")).isEqualTo(SMTP_PASSWORD);
		}
		try (ConfigurableApplicationContext app = start(KEY_A)) {
			assertThat(app.getBean(SecretsAtRest.class).unreadable()).as("the old key alone opens nothing now")
				.hasSize(4);
		}
	}

	@Test
	void aBackupFromBeforeEncryptionIsImportedAndItsSecretsEncrypted() {
		byte[] backup;
		try (ConfigurableApplicationContext app = start(KEY_A)) {
			saveSecrets(app);
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			// the rows as a Cachet from before encryption exported them
			jdbc.sql("UPDATE users SET google_2fa_secret = ?").param(TOTP_SECRET).update();
			jdbc.sql("UPDATE settings SET setting_value = ? WHERE name = 'mail_password'")
				.param(SMTP_PASSWORD)
				.update();
			jdbc.sql("UPDATE webhooks SET secret = ?").param(WEBHOOK_SECRET).update();
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			app.getBean(BackupService.class).export(out);
			backup = out.toByteArray();
		}
		assertThat(new String(backup, StandardCharsets.UTF_8)).contains(SMTP_PASSWORD, WEBHOOK_SECRET);
		try (ConfigurableApplicationContext app = BackupCommand.startForCommand(CachetApplication.class,
				argsOn("restored", KEY_B))) {
			app.getBean(BackupService.class).importBackup(new java.io.ByteArrayInputStream(backup));
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			String keyId = app.getBean(SecretCipher.class).currentKeyId();
			assertThat(rawSecrets(jdbc)).as("the link key came encrypted under key A: reported, left alone")
				.filteredOn((value) -> value.startsWith("enc:v1:" + keyId + ":"))
				.hasSize(3);
			assertThat(String.join("\n", rawSecrets(jdbc))).doesNotContain(TOTP_SECRET, SMTP_PASSWORD, WEBHOOK_SECRET);
			assertThat(verifiesAlicesCode(app)).isTrue();
			assertThat(app.getBean(SettingsService.class).getSecret("mail_password", "")).isEqualTo(SMTP_PASSWORD);
			// the keys the source made itself came encrypted under its key
			// (remember_me_key
			// too, while there is one)
			assertThat(app.getBean(SecretsAtRest.class).unreadable()).contains("the setting subscriber_link_key")
				.noneMatch((label) -> label.contains("mail_password") || label.contains("alice")
						|| label.contains("webhook"));
		}
	}

	private static int rotate(String[] args) {
		String[] all = new String[args.length + 1];
		all[0] = "rotate-encryption-key";
		System.arraycopy(args, 0, all, 1, args.length);
		return RotateEncryptionKeyCommand.run(CachetApplication.class, all);
	}

	private String saveSecrets(ConfigurableApplicationContext app) {
		var created = app.getBean(UserService.class)
			.createUser(new CreateUser("alice", "alice@example.com", PASSWORD, UserLevel.ADMIN, null));
		assertThat(app.getBean(TwoFactorService.class).enable(created.user().id(), TOTP_SECRET, code(TOTP_SECRET)))
			.isTrue();
		SettingsService settings = app.getBean(SettingsService.class);
		settings.set("mail_password", SMTP_PASSWORD);
		app.getBean(WebhookService.class)
			.createWebhook(
					new SaveWebhook("https://hooks.example.com/in", WEBHOOK_SECRET, null, null, null, null, null));
		return settings.secret("subscriber_link_key");
	}

	private static List<String> rawSecrets(JdbcClient jdbc) {
		return List.of(
				jdbc.sql("SELECT google_2fa_secret FROM users WHERE username = 'alice'").query(String.class).single(),
				jdbc.sql("SELECT setting_value FROM settings WHERE name = 'mail_password'")
					.query(String.class)
					.single(),
				jdbc.sql("SELECT setting_value FROM settings WHERE name = 'subscriber_link_key'")
					.query(String.class)
					.single(),
				jdbc.sql("SELECT secret FROM webhooks").query(String.class).single());
	}

	private static long webhookId(JdbcClient jdbc) {
		return jdbc.sql("SELECT id FROM webhooks").query(Long.class).single();
	}

	private ConfigurableApplicationContext start(String key, String... more) {
		return BackupCommand.startForCommand(CachetApplication.class, args(key, more));
	}

	private String[] args(String key, String... more) {
		return argsOn("db", key, more);
	}

	private String[] argsOn(String database, String key, String... more) {
		List<String> args = new java.util.ArrayList<>(List.of(
				"--spring.datasource.url=jdbc:h2:file:" + this.dir.resolve(database) + ";DB_CLOSE_ON_EXIT=FALSE",
				"--cachet.data-dir=" + this.dir.resolve("data"), "--cachet.encryption.key=" + key));
		args.addAll(List.of(more));
		return args.toArray(String[]::new);
	}

	/**
	 * Whether Alice's secret, read back through the cipher, checks her current code. The
	 * step last accepted is forgotten first: a code is accepted once (that has its own
	 * test), and these tests check the same code after every restart.
	 */
	private static boolean verifiesAlicesCode(ConfigurableApplicationContext app) {
		app.getBean(JdbcClient.class).sql("UPDATE users SET totp_last_step = NULL").update();
		return app.getBean(TwoFactorService.class).verify("alice", code(TOTP_SECRET));
	}

	static String code(String secret) {
		try {
			return new DefaultCodeGenerator(HashingAlgorithm.SHA1).generate(secret,
					Math.floorDiv(System.currentTimeMillis() / 1000, 30));
		}
		catch (CodeGenerationException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
