/**
 * Subscribers (people who want to hear about incidents) and their per-component
 * subscriptions.
 */
@ApplicationModule(allowedDependencies = { "audit", "backup", "component", "settings", "shared" })
@NullMarked
package io.cachet.subscriber;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
