package io.cachet.persistence;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * Runs a {@link JdbcSliceTest} class on the local PostgreSQL server (the test JVM's own
 * database, as {@link OnPostgres}: a shared one held the migrations of whichever checkout
 * ran last, and refused every other); skipped when the server does not answer, failed
 * when the cross-database tests are required ({@link EnabledIfDatabaseServer}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@EnabledIfDatabaseServer(name = "PostgreSQL", port = 5432)
@JdbcSliceTest
@ContextConfiguration(initializers = ServerDatabase.class)
@TestPropertySource(
		properties = { "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/${cachet.test.database:cachet_test_1}",
				"spring.datasource.username=postgres", "spring.datasource.password=" })
public @interface JdbcSliceOnPostgres {

}
