package io.cachet;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.cachet.user.UserService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The application as an operator starts it: on an empty data directory, with the admin
 * given in the {@code CACHET_ADMIN_*} variables, then restarted on the same directory.
 */
@ExtendWith(OutputCaptureExtension.class)
class FirstRunIntegrationTests {

	private static final String TOKEN = "operator-chosen-token-0123456789";

	@TempDir
	Path dataDir;

	@Test
	void createsAdminFromEnvironmentAndKeepsDataAcrossRestart(CapturedOutput output) throws Exception {
		try (ConfigurableApplicationContext app = start("CACHET_ADMIN_USERNAME=admin",
				"CACHET_ADMIN_EMAIL=admin@example.com", "CACHET_ADMIN_PASSWORD=correct horse battery",
				"CACHET_ADMIN_API_TOKEN=" + TOKEN)) {
			assertThat(app.getBean(UserService.class).authenticateApiToken(TOKEN))
				.hasValueSatisfying((user) -> assertThat(user.isAdmin()).isTrue());
			assertThat(get(app, "/api/v1/ping")).isEqualTo("{\"data\":\"Pong!\"}");
		}
		assertThat(this.dataDir.resolve("cachet.mv.db")).exists();
		assertThat(output).doesNotContain(TOKEN);

		try (ConfigurableApplicationContext app = start("CACHET_ADMIN_USERNAME=intruder",
				"CACHET_ADMIN_EMAIL=intruder@example.com", "CACHET_ADMIN_PASSWORD=another password")) {
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			assertThat(jdbc.sql("SELECT username FROM users").query(String.class).list()).containsExactly("admin");
			assertThat(app.getBean(UserService.class).authenticateApiToken(TOKEN)).isPresent();
		}
	}

	@Test
	void logsGeneratedTokenOnce(CapturedOutput output) {
		try (ConfigurableApplicationContext app = start("CACHET_ADMIN_USERNAME=admin",
				"CACHET_ADMIN_EMAIL=admin@example.com", "CACHET_ADMIN_PASSWORD=correct horse battery")) {
			String line = output.getOut()
				.lines()
				.filter((l) -> l.contains("shown only this once"))
				.findFirst()
				.orElseThrow();
			String token = line.substring(line.lastIndexOf(' ') + 1).strip();
			assertThat(app.getBean(UserService.class).authenticateApiToken(token)).isPresent();
			assertThat(output.getOut()).containsOnlyOnce(token);
		}
	}

	@Test
	void createsNoUserWithoutAdminVariables() {
		try (ConfigurableApplicationContext app = start()) {
			assertThat(app.getBean(UserService.class).hasUsers()).isFalse();
		}
	}

	@Test
	void refusesToStartWithTooShortToken() {
		assertThatException()
			.isThrownBy(() -> start("CACHET_ADMIN_USERNAME=admin", "CACHET_ADMIN_EMAIL=admin@example.com",
					"CACHET_ADMIN_PASSWORD=correct horse battery", "CACHET_ADMIN_API_TOKEN=short"))
			.withStackTraceContaining("CACHET_ADMIN_");
	}

	private ConfigurableApplicationContext start(String... variables) {
		List<String> args = new ArrayList<>();
		args.add("--spring.datasource.url=");
		args.add("--server.port=0");
		args.add("--CACHET_DATA_DIR=" + this.dataDir);
		for (String variable : variables) {
			args.add("--" + variable);
		}
		return new SpringApplicationBuilder(CachetApplication.class).run(args.toArray(String[]::new));
	}

	private static String get(ConfigurableApplicationContext app, String path) throws Exception {
		int port = ((WebServerApplicationContext) app).getWebServer().getPort();
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
		return response.body();
	}

}
