/**
 * The public status page's model: the overall status banner and, later, the page
 * assembled from the other modules.
 */
@ApplicationModule(allowedDependencies = { "audit", "cluster", "component", "incident", "metric", "schedule",
		"settings", "shared", "subscriber" })
@NullMarked
package io.cachet.statuspage;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
