/**
 * Cachet for the JVM. Each direct sub-package is an application module (Spring Modulith).
 */
@NullMarked
package io.cachet;

import org.jspecify.annotations.NullMarked;
