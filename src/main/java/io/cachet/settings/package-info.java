/**
 * The status page's settings: Cachet's key/value table, read through a cache.
 */
@ApplicationModule(allowedDependencies = { "crypto", "shared" })
@NullMarked
package io.cachet.settings;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
