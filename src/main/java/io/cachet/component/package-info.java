/**
 * Components (the parts of the service whose status the page shows), component groups and
 * tags.
 */
@ApplicationModule(allowedDependencies = { "audit", "cluster", "settings", "shared" })
@NullMarked
package io.cachet.component;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
