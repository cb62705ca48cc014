package io.cachet.persistence;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * What the cross-database test contexts add to the application: a clean schema at
 * start-up.
 */
@TestConfiguration(proxyBeanMethods = false)
public class CrossDatabaseTestSupport {

	/**
	 * Starts the shared PostgreSQL and MariaDB test databases from an empty schema.
	 */
	@Bean
	FlywayMigrationStrategy cleanThenMigrate() {
		return (flyway) -> {
			flyway.clean();
			flyway.migrate();
		};
	}

}
