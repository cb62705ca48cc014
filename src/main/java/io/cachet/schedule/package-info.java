/**
 * Scheduled maintenance (Cachet's "schedules") and the components it affects.
 */
@ApplicationModule(allowedDependencies = { "audit", "shared" })
@NullMarked
package io.cachet.schedule;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
