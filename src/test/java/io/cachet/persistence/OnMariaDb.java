package io.cachet.persistence;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

/**
 * Runs a test class against the application on the local MariaDB server (database
 * {@code test}, emptied once per test run). All classes with this annotation share one
 * application context, so their tests must not assume an empty database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@EnabledIfDatabaseServer(name = "MariaDB", port = 3306)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:mariadb://127.0.0.1:3306/test", "spring.datasource.username=root",
				"spring.datasource.password=", "spring.flyway.clean-disabled=false" })
@Import(CrossDatabaseTestSupport.class)
public @interface OnMariaDb {

}
