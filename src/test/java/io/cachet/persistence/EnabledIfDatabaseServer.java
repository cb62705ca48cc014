package io.cachet.persistence;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class only when its database server answers on the given port. When the
 * tests are required to run (on CI, or with {@code -Dcachet.crossdb.required=true}) a
 * missing server fails the class instead of skipping it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(DatabaseServerCondition.class)
public @interface EnabledIfDatabaseServer {

	String name();

	String host() default "127.0.0.1";

	int port();

}
