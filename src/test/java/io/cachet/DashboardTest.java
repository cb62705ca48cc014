package io.cachet;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The whole application on a random port, in an application context shared by the
 * dashboard tests, with an in-memory database of its own. They log in again and again
 * from one address, fail logins on purpose and change the settings pages: the login
 * throttle and the settings are the application's, so the other classes, in
 * {@link CachetIntegrationTest}, would be refused or see another site.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.datasource.url=jdbc:h2:mem:dashboard-${random.uuid};DB_CLOSE_DELAY=-1")
public @interface DashboardTest {

}
