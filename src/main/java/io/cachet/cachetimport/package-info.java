/**
 * Import from a live Cachet 2.4 through its {@code /api/v1} (address and API token): its
 * component groups, components, incidents with updates, maintenance, metrics with points
 * and subscribers, written through the feature modules' services without notifying
 * anyone. From the dashboard or {@code java -jar cachet.jar import-cachet <url> <token>}.
 */
@ApplicationModule(allowedDependencies = { "backup", "component", "incident", "metric", "outbound", "schedule",
		"shared", "subscriber" })
@NullMarked
package io.cachet.cachetimport;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
