package io.cachet.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record that a handler takes as its request body: it is bound from the JSON or
 * form body (and the query string) by {@link ApiRequestBinder}, leniently and with
 * Laravel-style messages for what is wrong.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@interface ApiRequest {

}
