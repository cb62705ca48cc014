package io.cachet.dashboard;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cachet.CachetApplication;
import io.cachet.TestUsers;
import io.cachet.component.ComponentService;
import io.cachet.component.ComponentStatus;
import io.cachet.component.CreateComponent;
import io.cachet.user.UserService;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Backup and restore from the dashboard: download on one install, upload on a new one.
 */
class BackupDashboardIntegrationTests {

	@TempDir
	Path dir;

	@Test
	void downloadsABackupAndImportsItIntoANewInstall() {
		byte[] backup;
		try (ConfigurableApplicationContext app = start("source")) {
			app.getBean(UserService.class).createUser(TestUsers.admin("alice"));
			app.getBean(UserService.class).createUser(TestUsers.user("bob"));
			app.getBean(ComponentService.class)
				.createComponent(new CreateComponent("Billing", "", "", ComponentStatus.OPERATIONAL, 0, 0, true, null,
						List.of()));
			assertThat(FormClient.loggedIn(port(app), "bob", "correct horse battery")
				.download("/dashboard/settings/backup/download")
				.statusCode()).as("admins only").isEqualTo(403);
			FormClient alice = FormClient.loggedIn(port(app), "alice", "correct horse battery");
			assertThat(alice.get("/dashboard/settings/backup").body()).contains("Download backup")
				.doesNotContain("id=\"backup-import\"");
			HttpResponse<byte[]> download = alice.download("/dashboard/settings/backup/download");
			assertThat(download.statusCode()).isEqualTo(200);
			assertThat(download.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
			backup = download.body();
		}
		try (ConfigurableApplicationContext app = start("target")) {
			app.getBean(UserService.class).createUser(TestUsers.admin("newowner"));
			FormClient owner = FormClient.loggedIn(port(app), "newowner", "correct horse battery");
			assertThat(owner.get("/dashboard/settings/backup").body()).contains("id=\"backup-import\"");
			HttpResponse<String> refused = owner.postFile("/dashboard/settings/backup", "file", "backup.json",
					"{\"format\":\"something else\"}".getBytes(StandardCharsets.UTF_8));
			assertThat(refused.statusCode()).isEqualTo(200);
			assertThat(refused.body()).contains("not a Cachet backup");

			HttpResponse<String> imported = owner.postFile("/dashboard/settings/backup", "file", "backup.json", backup);
			assertThat(FormClient.location(imported)).endsWith("/auth/login?restored");
			assertThat(app.getBean(ComponentService.class).findAllComponentIds()).hasSize(1);
			FormClient alice = FormClient.loggedIn(port(app), "alice", "correct horse battery");
			assertThat(alice.get("/dashboard/settings/backup").body()).contains("already has data");
		}
	}

	private ConfigurableApplicationContext start(String name) {
		return new SpringApplicationBuilder(CachetApplication.class).run("--spring.datasource.url=", "--server.port=0",
				"--CACHET_DATA_DIR=" + this.dir.resolve(name));
	}

	private static int port(ConfigurableApplicationContext app) {
		return ((WebServerApplicationContext) app).getWebServer().getPort();
	}

}
