package io.cachet.persistence;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The H2 counterpart of {@link OnPostgres} and {@link OnMariaDb}, for test classes that
 * run the same contract on each database: one application context for all of them, on an
 * in-memory database of its own ({@code contracts-…}), so that they meet the same
 * neighbours as on the servers (each other) and not the rest of the suite's data.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.datasource.url=jdbc:h2:mem:contracts-${random.uuid};DB_CLOSE_DELAY=-1")
public @interface OnH2 {

}
