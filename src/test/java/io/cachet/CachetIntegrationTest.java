package io.cachet;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.annotation.AliasFor;

/**
 * The whole application on a random port and an in-memory H2 database, in the one
 * application context that every class with this annotation shares: booting the
 * application takes seconds, so most full-stack tests run in this context.
 * <p>
 * Sharing means the database is not empty and other classes change it: make names unique
 * (a suffix from {@code System.nanoTime()} or a UUID), look rows up by what the test
 * created, never assume a table is empty, and change settings only back to what they
 * were. A class that cannot live with that (it empties tables, or needs the setup wizard
 * of a new install, or changes application-wide state) uses
 * {@link IsolatedIntegrationTest} or one of the named contexts ({@link StatusPageTest},
 * {@link DashboardTest}, {@link DemoSiteTest}) instead.
 * <p>
 * {@code properties} are added to the application's; a class that sets any gets a context
 * of its own (shared with the classes that set exactly the same ones), so prefer
 * {@link IsolatedIntegrationTest} for those, which closes it after the class. The
 * contract tests run on each database have a context of their own,
 * {@link io.cachet.persistence.OnH2}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
public @interface CachetIntegrationTest {

	/**
	 * @return properties in the {@code key=value} form, added to the application's
	 */
	@AliasFor(annotation = SpringBootTest.class, attribute = "properties")
	String[] properties() default {};

}
