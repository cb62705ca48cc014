package io.cachet;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The demo site ({@code cachet.demo=true}: seeded components, incidents, maintenance and
 * metrics, a demo login) on a random port, in one application context shared by the tests
 * that read the demo pages: the demo mode tests, the site crawl and the demo pages in
 * Chromium. They only read what the seeder made, so one seeding serves them all.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "cachet.demo=true")
public @interface DemoSiteTest {

}
