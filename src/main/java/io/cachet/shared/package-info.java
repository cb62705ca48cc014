/**
 * The few types every feature module shares: list queries with paging, and the not-found
 * exception the inbound adapters map to 404.
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package io.cachet.shared;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
