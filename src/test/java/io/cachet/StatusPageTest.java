package io.cachet;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The whole application on a random port, in an application context shared by the tests
 * of what the public shows as a whole (the status page, its feeds and JSON,
 * {@code /api/v1/status}), with an in-memory database of its own. What they read depends
 * on every component and incident there is and on the page settings, so they may empty
 * tables and change settings, which the other classes, in {@link CachetIntegrationTest},
 * must not see. Each test sets up the data it reads.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.datasource.url=jdbc:h2:mem:status-page-${random.uuid};DB_CLOSE_DELAY=-1")
public @interface StatusPageTest {

}
