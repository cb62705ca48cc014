package io.cachet;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactories;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * The whole application on a random port, in an application context of the class's own
 * with a new, empty in-memory H2 database, closed when the class is done. For the few
 * classes that cannot share {@link CachetIntegrationTest}'s context: those that need
 * properties no other class has (a rate limit, fast pollers, a demo site, a trusted
 * proxy), a new install (the setup wizard), an empty table, or that change state the
 * whole application shares (settings, the throttles, a database made to fail).
 * <p>
 * Each such class costs a boot of the application (seconds), so say in the class's
 * Javadoc why it needs one. Closing the context after the class keeps its background work
 * (pollers, the delivery worker, the web server's threads) and its memory from weighing
 * on the classes after it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ContextCustomizerFactories(IsolatedIntegrationTest.OwnContext.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public @interface IsolatedIntegrationTest {

	/**
	 * @return properties in the {@code key=value} form, added to the application's
	 */
	@AliasFor(annotation = SpringBootTest.class, attribute = "properties")
	String[] properties() default {};

	/**
	 * Makes the context of a class with {@link IsolatedIntegrationTest} its own: the
	 * class is part of the context's cache key, so no other class shares it, whatever its
	 * properties.
	 */
	final class OwnContext implements ContextCustomizerFactory {

		@Override
		public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
				List<ContextConfigurationAttributes> configAttributes) {
			Class<?> owner = owner(testClass);
			return (owner != null) ? new OwnedBy(owner) : null;
		}

		private static @Nullable Class<?> owner(Class<?> testClass) {
			// a @Nested class runs in its enclosing class's context
			Class<?> candidate = testClass;
			while (candidate.getEnclosingClass() != null
					&& TestContextAnnotationUtils.searchEnclosingClass(candidate)) {
				candidate = candidate.getEnclosingClass();
			}
			return TestContextAnnotationUtils.hasAnnotation(testClass, IsolatedIntegrationTest.class) ? candidate
					: null;
		}

	}

	record OwnedBy(Class<?> testClass) implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			// nothing: being in the cache key is what this customizer is for
		}

	}

}
