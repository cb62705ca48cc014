/**
 * Incidents, their updates, the components they affect, and incident templates.
 *
 * <p>
 * Templates are user-written Twig (Pebble) run in a bounded sandbox
 * ({@code internal/TemplateRenderer}): limits on size, nesting, tags, time, loop
 * iterations, value and output size, on worker threads of their own. They are checked and
 * rendered before any transaction opens, so that no render holds a database connection.
 */
@ApplicationModule(allowedDependencies = { "audit", "component", "shared" })
@NullMarked
package io.cachet.incident;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
