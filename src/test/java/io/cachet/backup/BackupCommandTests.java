package io.cachet.backup;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.cachet.CachetApplication;
import io.cachet.component.ComponentService;
import io.cachet.component.ComponentStatus;
import io.cachet.component.CreateComponent;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar cachet.jar export} and {@code import}, as the main method runs them.
 */
class BackupCommandTests {

	@TempDir
	Path dir;

	@Test
	void exportsToStandardOutputAndImportsFromAFile() throws Exception {
		try (ConfigurableApplicationContext app = BackupRoundTrip.start(dataDir("source"),
				"--spring.datasource.url=")) {
			app.getBean(ComponentService.class)
				.createComponent(
						new CreateComponent("API", "", "", ComponentStatus.MAJOR_OUTAGE, 0, 0, true, null, List.of()));
		}
		ByteArrayOutputStream stdout = new ByteArrayOutputStream();
		int exported = BackupCommand.run(CachetApplication.class,
				new String[] { "export", "--spring.datasource.url=", dataDir("source") },
				new PrintStream(stdout, true, StandardCharsets.UTF_8));
		assertThat(exported).isZero();
		// nothing but the document: it parses as a whole
		JsonNode backup = JsonMapper.builder().build().readTree(stdout.toByteArray());
		assertThat(backup.get("tables").get("components").get(0).get("name").asString()).isEqualTo("API");

		Path file = this.dir.resolve("backup.json");
		Files.write(file, stdout.toByteArray());
		String[] importArgs = { "import", file.toString(), "--spring.datasource.url=", dataDir("target") };
		assertThat(BackupCommand.run(CachetApplication.class, importArgs, System.out)).isZero();
		assertThat(BackupCommand.run(CachetApplication.class, importArgs, System.out)).as("not empty any more")
			.isEqualTo(1);
		assertThat(BackupCommand.run(CachetApplication.class,
				new String[] { "import", this.dir.resolve("missing.json").toString() }, System.out))
			.isEqualTo(1);

		try (ConfigurableApplicationContext app = BackupRoundTrip.start(dataDir("target"),
				"--spring.datasource.url=")) {
			assertThat(app.getBean(JdbcTemplate.class)
				.queryForObject("SELECT status FROM components WHERE name = 'API'", Integer.class)).isEqualTo(4);
		}
	}

	@Test
	void recognisesItsCommands() {
		assertThat(BackupCommand.handles(new String[] { "export" })).isTrue();
		assertThat(BackupCommand.handles(new String[] { "import", "backup.json" })).isTrue();
		assertThat(BackupCommand.handles(new String[] { "--server.port=8080" })).isFalse();
		assertThat(BackupCommand.handles(new String[0])).isFalse();
	}

	private String dataDir(String name) {
		return "--CACHET_DATA_DIR=" + this.dir.resolve(name);
	}

}
