package io.cachet.dashboard;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cachet.CachetApplication;
import io.cachet.TestUsers;
import io.cachet.settings.SettingsService;
import io.cachet.user.UserService;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A backup lets nobody log in: it carries no remember-me login and no signing key, an
 * import ends every session and remember-me login of the install, and a remember-me login
 * made afterwards survives a restart.
 */
class BackupSessionsIntegrationTests {

	private static final String PASSWORD = "correct horse battery";

	@TempDir
	Path dir;

	@Test
	void aBackupCarriesNoLoginAndAnImportEndsEverySession() {
		String backup;
		try (ConfigurableApplicationContext app = start("source")) {
			app.getBean(UserService.class).createUser(TestUsers.admin("alice"));
			FormClient alice = rememberedLogin(port(app), "alice");
			assertThat(rows(app, "persistent_logins")).isEqualTo(1);
			backup = new String(alice.download("/dashboard/settings/backup/download").body(), StandardCharsets.UTF_8);
		}
		assertThat(backup).doesNotContain("persistent_logins").doesNotContain("remember_me_key");
		// as an older version wrote it: with the key that signed its remember-me cookies
		String oldKey = "{\"id\":9999,\"name\":\"remember_me_key\",\"setting_value\":\"0123abcd\","
				+ "\"created_at\":\"2026-01-01T10:00:00Z\",\"updated_at\":\"2026-01-01T10:00:00Z\"}";
		JsonMapper json = JsonMapper.builder().build();
		ObjectNode tree = (ObjectNode) json.readTree(backup);
		((ArrayNode) tree.get("tables").get("settings")).add(json.readTree(oldKey));
		String older = json.writeValueAsString(tree);
		assertThat(older).contains("remember_me_key");

		String aliceCookie;
		try (ConfigurableApplicationContext app = start("target")) {
			app.getBean(UserService.class).createUser(TestUsers.admin("newowner"));
			FormClient owner = FormClient.loggedIn(port(app), "newowner", PASSWORD);
			FormClient ownerElsewhere = rememberedLogin(port(app), "newowner");
			String ownerCookie = ownerElsewhere.cookie("remember-me").orElseThrow().getValue();
			owner.get("/dashboard/settings/backup");

			HttpResponse<String> imported = owner.postFile("/dashboard/settings/backup", "file", "backup.json",
					older.getBytes(StandardCharsets.UTF_8));
			assertThat(FormClient.location(imported)).as(imported.body()).endsWith("/auth/login?restored");

			assertThat(app.getBean(SettingsService.class).get("remember_me_key")).isEmpty();
			assertThat(rows(app, "persistent_logins")).isZero();
			assertThat(ownerElsewhere.get("/dashboard").statusCode()).isEqualTo(302);
			FormClient thief = new FormClient(port(app));
			thief.addCookie("remember-me", ownerCookie);
			assertThat(thief.get("/dashboard").statusCode()).isEqualTo(302);

			aliceCookie = rememberedLogin(port(app), "alice").cookie("remember-me").orElseThrow().getValue();
		}
		try (ConfigurableApplicationContext app = start("target")) {
			FormClient alice = new FormClient(port(app));
			alice.addCookie("remember-me", aliceCookie);
			assertThat(alice.get("/dashboard").statusCode()).as("remembered across a restart").isEqualTo(200);
		}
	}

	private static FormClient rememberedLogin(int port, String username) {
		FormClient browser = new FormClient(port);
		browser.get("/auth/login");
		browser.post("/auth/login", Map.of("username", username, "password", PASSWORD, "remember-me", "on"));
		assertThat(browser.cookie("remember-me")).isPresent();
		return browser;
	}

	private static long rows(ConfigurableApplicationContext app, String table) {
		return app.getBean(JdbcClient.class).sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
	}

	private ConfigurableApplicationContext start(String name) {
		return new SpringApplicationBuilder(CachetApplication.class).run("--spring.datasource.url=", "--server.port=0",
				"--CACHET_DATA_DIR=" + this.dir.resolve(name));
	}

	private static int port(ConfigurableApplicationContext app) {
		return ((WebServerApplicationContext) app).getWebServer().getPort();
	}

}
