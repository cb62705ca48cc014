package io.cachet.persistence;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

/**
 * Runs a test class against the application on the local PostgreSQL server (database
 * {@code test}, emptied once per test run). All classes with this annotation share one
 * application context, so their tests must not assume an empty database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@EnabledIfDatabaseServer(name = "PostgreSQL", port = 5432)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test",
				"spring.datasource.username=postgres", "spring.datasource.password=",
				"spring.flyway.clean-disabled=false" })
@Import(CrossDatabaseTestSupport.class)
public @interface OnPostgres {

}
