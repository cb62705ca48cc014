package io.cachet.persistence;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Starts the PostgreSQL and MariaDB test databases from an empty schema: Flyway cleans,
 * then migrates, whenever a context on them starts (an in-memory H2 database is new
 * anyway). Needs {@code spring.flyway.clean-disabled=false}.
 */
@TestConfiguration(proxyBeanMethods = false)
class CleanSchema {

	@Bean
	FlywayMigrationStrategy cleanThenMigrate() {
		return (flyway) -> {
			flyway.clean();
			flyway.migrate();
		};
	}

}
