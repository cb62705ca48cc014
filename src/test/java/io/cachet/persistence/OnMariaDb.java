package io.cachet.persistence;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * Runs a test class against the application on the local MariaDB server, in a database of
 * the test JVM's own ({@code cachet_test_<fork number>}, created by
 * {@link ServerDatabase} and emptied by {@link CleanSchema} when the context starts). All
 * classes with this annotation share one application context, so their tests must not
 * assume an empty database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@EnabledIfDatabaseServer(name = "MariaDB", port = 3306)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:mariadb://127.0.0.1:3306/${cachet.test.database:cachet_test_1}",
				"spring.datasource.username=root", "spring.datasource.password=",
				"spring.flyway.clean-disabled=false" })
@ContextConfiguration(initializers = ServerDatabase.class)
@Import(CleanSchema.class)
public @interface OnMariaDb {

}
