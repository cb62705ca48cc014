/**
 * Cross-cutting configuration: the data directory, database vendor placeholders for
 * Flyway, the clock and the security rules of the server-rendered pages.
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package io.cachet.config;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
