package io.cachet.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Points the embedded H2 database at {@code $CACHET_DATA_DIR/cachet} (default
 * {@code ./data}) unless a datasource URL was configured, so that
 * {@code ./mvnw spring-boot:run} and {@code java -jar cachet.jar} need no database server
 * and keep their data across restarts.
 * <p>
 * The directory is resolved to an absolute path because H2 refuses implicitly relative
 * file paths, and created if missing. Setting {@code SPRING_DATASOURCE_URL} (PostgreSQL,
 * MariaDB) turns this off.
 * <p>
 * {@code WRITE_DELAY=0}: H2 otherwise keeps the last half second of committed
 * transactions in memory, so a killed process (kill -9, the OOM killer) loses them; the
 * notification outbox counts on a delivery recorded as sent staying so, or every message
 * of that half second goes out again after a restart.
 */
class DataDirectoryEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final String DATA_DIR_PROPERTY = "cachet.data-dir";

	private static final String DATASOURCE_URL = "spring.datasource.url";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (StringUtils.hasText(environment.getProperty(DATASOURCE_URL))) {
			return;
		}
		Path dataDir = Path.of(environment.getProperty(DATA_DIR_PROPERTY, "./data")).toAbsolutePath().normalize();
		try {
			Files.createDirectories(dataDir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the data directory " + dataDir, ex);
		}
		String url = "jdbc:h2:file:" + dataDir.resolve("cachet") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
		environment.getPropertySources()
			.addFirst(new MapPropertySource("cachetEmbeddedDatabase", Map.of(DATASOURCE_URL, url)));
	}

}
